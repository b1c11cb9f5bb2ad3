"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { useTRPC } from "@/lib/trpc";
import { SignOutButton } from "../shell/sign-out-button";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { buttonBase, buttonVariants } from "../ui/styles";

type Props = { token: string; invitedEmail: string; signedInEmail: string | null };

/** Someone who already has an account must be signed in as the invited address to accept. */
export function ExistingAccountAccept({ token, invitedEmail, signedInEmail }: Props) {
  const t = useTranslations("invite");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const here = `/invite/${token}`;
  const signIn = `/sign-in?${new URLSearchParams({ next: here, email: invitedEmail })}`;
  const accept = useMutation(
    trpc.members.acceptInvitation.mutationOptions({
      onSuccess: async (joined) => {
        await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
        router.replace(`/institutions/${joined.institutionId}`);
      },
    }),
  );

  if (signedInEmail === null) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t("signInFirst", { email: invitedEmail })}</p>
        <Link href={signIn} className={`${buttonBase} ${buttonVariants.primary} w-full`}>
          {t("signInToAccept")}
        </Link>
      </div>
    );
  }
  if (signedInEmail !== invitedEmail) {
    return (
      <div className="space-y-4">
        <Alert tone="info">{t("wrongAccount", { current: signedInEmail, invited: invitedEmail })}</Alert>
        <SignOutButton redirectTo={signIn} />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {accept.isError ? (
        <Alert tone="error">
          {errorMessage(accept.error, { PRECONDITION_FAILED: t("errors.unusable"), CONFLICT: t("errors.unusable") })}
        </Alert>
      ) : null}
      <Button variant="primary" className="w-full" pending={accept.isPending || accept.isSuccess} onClick={() => accept.mutate({ token })}>
        {t("accept")}
      </Button>
    </div>
  );
}
