"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { useFinishSignIn } from "@/hooks/use-finish-sign-in";
import { appErrorFields } from "@/lib/app-error";
import { authClient } from "@/lib/auth-client";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";

const MIN_PASSWORD = 10;

/** A newcomer chooses a name and password; the account and membership are created together, then they are signed in. */
export function NewAccountForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations("invite");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const finish = useFinishSignIn();
  const [mismatch, setMismatch] = useState(false);
  const [signInFailed, setSignInFailed] = useState(false);
  const accept = useMutation(trpc.members.acceptInvitation.mutationOptions());
  const badFields = accept.isError ? appErrorFields(accept.error) : [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const name = String(form.get("name")).trim();
    const password = String(form.get("password"));
    setMismatch(password !== String(form.get("confirm")));
    if (password !== String(form.get("confirm"))) return;
    setSignInFailed(false);
    const joined = await accept.mutateAsync({ token, name, password }).catch(() => null);
    if (!joined) return;
    const { error } = await authClient.signIn.email({ email, password });
    if (error) setSignInFailed(true);
    else await finish(`/institutions/${joined.institutionId}`);
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <p className="text-sm text-slate-700">{t("newAccount")}</p>
      {accept.isError && badFields.length === 0 ? (
        <Alert tone="error">
          {errorMessage(accept.error, { PRECONDITION_FAILED: t("errors.unusable"), CONFLICT: t("errors.unusable") })}
        </Alert>
      ) : null}
      {signInFailed ? <Alert tone="error">{t("errors.signInAfterJoin")}</Alert> : null}
      <TextField
        label={t("name")}
        name="name"
        autoComplete="name"
        required
        maxLength={120}
        error={badFields.includes("name") ? t("errors.name") : null}
      />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD}
        maxLength={128}
        hint={t("passwordHint", { min: MIN_PASSWORD })}
        error={badFields.includes("password") ? t("errors.password", { min: MIN_PASSWORD }) : null}
      />
      <TextField
        label={t("confirmPassword")}
        name="confirm"
        type="password"
        autoComplete="new-password"
        required
        error={mismatch ? t("errors.mismatch") : null}
      />
      <Button type="submit" variant="primary" className="w-full" pending={accept.isPending || accept.isSuccess}>
        {t("createAndJoin")}
      </Button>
    </form>
  );
}
