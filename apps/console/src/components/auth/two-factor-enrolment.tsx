"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { useMe } from "@/hooks/use-me";
import { appErrorCode } from "@/lib/app-error";
import { homePath, TWO_FACTOR_PATH } from "@/lib/home-path";
import { signInPath } from "@/lib/safe-next-path";
import { useTRPC } from "@/lib/trpc";
import { SignOutButton } from "../shell/sign-out-button";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { CheckboxField } from "../ui/checkbox-field";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { AuthLayout } from "./auth-layout";
import { BackupCodesPanel } from "./backup-codes-panel";
import { EnrolPasswordStep } from "./enrol-password-step";
import { EnrolVerifyStep } from "./enrol-verify-step";
import { RegenerateBackupCodes } from "./regenerate-backup-codes";

/**
 * Enrolment: confirm the password, add the secret to an authenticator app, prove it with a code,
 * then save the backup codes (shown this once). Once enrolled, the page offers new backup codes.
 */
export function TwoFactorEnrolment() {
  const t = useTranslations("twoFactor");
  const router = useRouter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const me = useMe();
  const [enrolment, setEnrolment] = useState<{ totpUri: string; backupCodes: string[] } | null>(null);
  const [done, setDone] = useState(false);
  const [saved, setSaved] = useState(false);
  const unauthenticated = me.isError && appErrorCode(me.error) === "UNAUTHENTICATED";

  useEffect(() => {
    if (unauthenticated) router.replace(signInPath(TWO_FACTOR_PATH));
  }, [router, unauthenticated]);

  if (me.isError && !unauthenticated) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <PageLoading />;

  async function finished() {
    setDone(true);
    await queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() });
  }

  if (done || me.data.twoFactorEnabled) {
    const home = homePath({ ...me.data, twoFactorEnabled: true }) ?? "/";
    return (
      <AuthLayout title={t("title")} signedIn>
        <Alert tone="success">{done ? t("enabled") : t("alreadyEnabled")}</Alert>
        <div className="mt-4 space-y-4">
          {done && enrolment ? (
            <>
              <BackupCodesPanel codes={enrolment.backupCodes} />
              <CheckboxField label={t("backupCodes.saved")} checked={saved} onChange={(e) => setSaved(e.currentTarget.checked)} />
            </>
          ) : (
            <RegenerateBackupCodes />
          )}
          <Button variant="primary" className="w-full" disabled={done && enrolment !== null && !saved} onClick={() => router.replace(home)}>
            {t("continue")}
          </Button>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title={t("title")} description={me.data.staffRole ? t("staffRequired") : t("description")} signedIn>
      {enrolment ? (
        <EnrolVerifyStep totpUri={enrolment.totpUri} onVerified={() => void finished()} />
      ) : (
        <EnrolPasswordStep onEnabled={(totpUri, backupCodes) => setEnrolment({ totpUri, backupCodes })} />
      )}
      <div className="mt-5 flex items-center justify-between border-t border-slate-100 pt-3 text-xs text-slate-500">
        {t("signedInAs", { email: me.data.email })}
        <SignOutButton variant="ghost" />
      </div>
    </AuthLayout>
  );
}
