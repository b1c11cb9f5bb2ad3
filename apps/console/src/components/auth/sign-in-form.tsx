"use client";
import { useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { safeNextPath } from "@/lib/safe-next-path";
import { AuthLayout } from "./auth-layout";
import { CredentialsStep } from "./credentials-step";
import { TotpStep } from "./totp-step";

/** Two steps: e-mail and password, then (for accounts with two-factor) the authenticator code. */
export function SignInForm() {
  const t = useTranslations("auth");
  const params = useSearchParams();
  const next = safeNextPath(params.get("next"));
  const [step, setStep] = useState<"credentials" | "totp">("credentials");

  if (step === "totp") {
    return (
      <AuthLayout title={t("totp.title")} description={t("totp.description")}>
        <TotpStep next={next} onRestart={() => setStep("credentials")} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t("signIn.title")} description={t("signIn.description")}>
      <CredentialsStep next={next} defaultEmail={params.get("email") ?? ""} onTwoFactor={() => setStep("totp")} />
    </AuthLayout>
  );
}
