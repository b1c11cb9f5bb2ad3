"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useAuthErrorMessage } from "@/hooks/use-auth-error-message";
import { useFinishSignIn } from "@/hooks/use-finish-sign-in";
import { authClient } from "@/lib/auth-client";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";
import { TotpCodeField } from "./totp-code-field";

export function TotpStep({ next, onRestart }: { next: string | null; onRestart: () => void }) {
  const t = useTranslations("auth.totp");
  const authError = useAuthErrorMessage();
  const finish = useFinishSignIn();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Without the authenticator at hand, one of the backup codes saved at enrolment (each works once).
  const [backup, setBackup] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code")).replace(/\s/g, "");
    setPending(true);
    setError(null);
    const { error: failure } = backup
      ? await authClient.twoFactor.verifyBackupCode({ code })
      : await authClient.twoFactor.verifyTotp({ code });
    if (failure) {
      setError(authError(failure));
      setPending(false);
      return;
    }
    await finish(next).catch(() => {
      setError(authError({ status: 500 }));
      setPending(false);
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {error ? <Alert tone="error">{error}</Alert> : null}
      {backup ? (
        <TextField
          label={t("backupCode")}
          hint={t("backupCodeHint")}
          name="code"
          autoComplete="off"
          spellCheck={false}
          required
          autoFocus
        />
      ) : (
        <TotpCodeField />
      )}
      <Button type="submit" variant="primary" pending={pending} className="w-full">
        {t("submit")}
      </Button>
      <button
        type="button"
        onClick={() => {
          setBackup(!backup);
          setError(null);
        }}
        className="block text-sm font-medium text-brand-700 hover:underline"
      >
        {backup ? t("useApp") : t("useBackupCode")}
      </button>
      <button type="button" onClick={onRestart} className="text-sm font-medium text-brand-700 hover:underline">
        {t("restart")}
      </button>
    </form>
  );
}
