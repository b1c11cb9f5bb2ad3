"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useAuthErrorMessage } from "@/hooks/use-auth-error-message";
import { authClient } from "@/lib/auth-client";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";
import { BackupCodesPanel } from "./backup-codes-panel";

/** A new set of backup codes (password required); every code of the old set stops working. */
export function RegenerateBackupCodes() {
  const t = useTranslations("twoFactor.backupCodes");
  const authError = useAuthErrorMessage();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const { data, error: failure } = await authClient.twoFactor.generateBackupCodes({
      password: String(new FormData(event.currentTarget).get("password")),
    });
    setPending(false);
    if (data) setCodes(data.backupCodes);
    else setError(authError(failure ?? { status: 500 }));
  }

  if (codes) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{t("regenerated")}</Alert>
        <BackupCodesPanel codes={codes} />
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="space-y-3" aria-labelledby="regenerate-title">
      <h2 id="regenerate-title" className="text-sm font-semibold text-slate-900">
        {t("regenerateTitle")}
      </h2>
      <p className="text-sm text-slate-700">{t("regenerateHelp")}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TextField label={t("password")} name="password" type="password" autoComplete="current-password" required />
      <Button type="submit" pending={pending}>
        {t("regenerate")}
      </Button>
    </form>
  );
}
