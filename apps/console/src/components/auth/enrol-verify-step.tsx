"use client";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useAuthErrorMessage } from "@/hooks/use-auth-error-message";
import { authClient } from "@/lib/auth-client";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CopyButton } from "../ui/copy-button";
import { TotpCodeField } from "./totp-code-field";

/** The base32 secret of an otpauth:// URI, in groups of four for typing it by hand. */
function setupKey(totpUri: string): string {
  const secret = new URL(totpUri).searchParams.get("secret") ?? "";
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

export function EnrolVerifyStep({ totpUri, onVerified }: { totpUri: string; onVerified: () => void }) {
  const t = useTranslations("twoFactor");
  const authError = useAuthErrorMessage();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const key = setupKey(totpUri);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const code = String(new FormData(event.currentTarget).get("code")).replace(/\s/g, "");
    const { error: failure } = await authClient.twoFactor.verifyTotp({ code });
    setPending(false);
    if (failure) setError(authError(failure));
    else onVerified();
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
        <li>{t("addToApp")}</li>
        <li>{t("enterCode")}</li>
      </ol>
      <div className="rounded-md border border-slate-200 bg-slate-50 p-3">
        <p className="text-xs font-medium text-slate-500 uppercase">{t("setupKey")}</p>
        <div className="mt-1 flex items-center justify-between gap-2">
          <code data-testid="totp-secret" className="font-mono text-sm font-semibold tracking-wider text-slate-900">
            {key}
          </code>
          <CopyButton value={key.replace(/\s/g, "")} />
        </div>
        <p className="mt-3 text-xs font-medium text-slate-500 uppercase">{t("setupUri")}</p>
        <div className="mt-1 flex items-start gap-2">
          <code data-testid="totp-uri" className="block min-w-0 flex-1 font-mono text-xs break-all text-slate-700 select-all">
            {totpUri}
          </code>
          <CopyButton value={totpUri} />
        </div>
      </div>
      {error ? <Alert tone="error">{error}</Alert> : null}
      <TotpCodeField />
      <Button type="submit" variant="primary" pending={pending} className="w-full">
        {t("verify")}
      </Button>
    </form>
  );
}
