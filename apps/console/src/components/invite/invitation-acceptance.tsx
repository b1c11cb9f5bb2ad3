"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { useMe } from "@/hooks/use-me";
import { useTRPC } from "@/lib/trpc";
import { AuthLayout } from "../auth/auth-layout";
import { Alert } from "../ui/alert";
import { PageLoading } from "../ui/page-loading";
import { ExistingAccountAccept } from "./existing-account-accept";
import { InvitationSummary } from "./invitation-summary";
import { NewAccountForm } from "./new-account-form";

/** Public: the link is the credential. Newcomers create their account; others sign in, then accept. */
export function InvitationAcceptance({ token }: { token: string }) {
  const t = useTranslations("invite");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const invitation = useQuery({ ...trpc.members.getInvitation.queryOptions({ token }), retry: false });
  const me = useMe();

  if (invitation.isError) {
    return (
      <AuthLayout title={t("title")}>
        <Alert tone="error">
          {errorMessage(invitation.error, {
            NOT_FOUND: t("errors.invalid"),
            BAD_INPUT: t("errors.invalid"),
            PRECONDITION_FAILED: t("errors.unusable"),
          })}
        </Alert>
        <Link href="/sign-in" className="mt-4 inline-block text-sm font-medium text-brand-700 hover:underline">
          {t("goToSignIn")}
        </Link>
      </AuthLayout>
    );
  }
  if (!invitation.data || me.isPending) return <PageLoading />;

  const data = invitation.data;
  return (
    <AuthLayout title={t("title")} signedIn={Boolean(me.data)}>
      <InvitationSummary institutionName={data.institutionName} email={data.email} role={data.role} />
      <div className="mt-5">
        {data.hasAccount ? (
          <ExistingAccountAccept token={token} invitedEmail={data.email} signedInEmail={me.data?.email ?? null} />
        ) : (
          <NewAccountForm token={token} email={data.email} />
        )}
      </div>
    </AuthLayout>
  );
}
