"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useAuthErrorMessage } from "@/hooks/use-auth-error-message";
import { authClient } from "@/lib/auth-client";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";

/** better-auth asks for the password again before it hands out a new TOTP secret and backup codes. */
export function EnrolPasswordStep({ onEnabled }: { onEnabled: (totpUri: string, backupCodes: string[]) => void }) {
  const t = useTranslations("twoFactor");
  const authError = useAuthErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const { data, error: failure } = await authClient.twoFactor.enable({
      password: String(new FormData(event.currentTarget).get("password")),
    });
    setPending(false);
    if (data && "totpURI" in data) onEnabled(data.totpURI, data.backupCodes);
    else setError(authError(failure ?? { status: 500 }));
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <p className="text-sm text-slate-700">{t("passwordStep")}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required autoFocus />
      <Button type="submit" variant="primary" pending={pending} className="w-full">
        {t("start")}
      </Button>
    </form>
  );
}
