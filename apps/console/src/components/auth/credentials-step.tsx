"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useAuthErrorMessage } from "@/hooks/use-auth-error-message";
import { useFinishSignIn } from "@/hooks/use-finish-sign-in";
import { authClient } from "@/lib/auth-client";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";

type Props = { next: string | null; defaultEmail: string; onTwoFactor: () => void };

export function CredentialsStep({ next, defaultEmail, onTwoFactor }: Props) {
  const t = useTranslations("auth.signIn");
  const authError = useAuthErrorMessage();
  const finish = useFinishSignIn();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { data, error: failure } = await authClient.signIn.email({
      email: String(form.get("email")),
      password: String(form.get("password")),
    });
    if (failure) {
      setError(authError(failure));
      setPending(false);
      return;
    }
    if (data && "twoFactorRedirect" in data && data.twoFactorRedirect) {
      onTwoFactor();
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
      <TextField
        label={t("email")}
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={defaultEmail}
        autoFocus={!defaultEmail}
      />
      <TextField
        label={t("password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={Boolean(defaultEmail)}
      />
      <Button type="submit" variant="primary" pending={pending} className="w-full">
        {t("submit")}
      </Button>
      <p className="text-xs text-slate-500">
        {t("noAccount")}{" "}
        <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
          {t("signUp")}
        </Link>
      </p>
    </form>
  );
}
