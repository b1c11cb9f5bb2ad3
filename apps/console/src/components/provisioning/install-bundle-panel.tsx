"use client";
import { installBundleRefusal } from "@opus/rules/environment-operations";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import type { InstitutionDetail } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { BundleFiles } from "./bundle-files";
import type { EnvironmentRow } from "./provisioning-types";
import { RequestError } from "./request-error";

/**
 * Self-managed institutions install the platform themselves: the install bundle replaces Opus's
 * operations. Issuing one rotates the usage-reporting key, so it is confirmed first and the files
 * (the only copy of the new key) are offered for download here and nowhere else.
 */
export function InstallBundlePanel({ institution, environment }: { institution: InstitutionDetail; environment: EnvironmentRow }) {
  const t = useTranslations("Provisioning.bundle");
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const issue = useMutation(trpc.environments.installBundle.mutationOptions({ onSettled: () => setOpen(false) }));
  const available = installBundleRefusal(institution) === null;
  const bundle = issue.data;
  return (
    <Card title={t("title")}>
      <div className="space-y-4" data-testid="install-bundle">
        <p className="text-sm text-slate-700">{t("intro")}</p>
        <Alert tone="warning">
          <p className="font-semibold">{t("keyWarningTitle")}</p>
          <p className="mt-1">{t("keyWarning")}</p>
        </Alert>
        {issue.error ? <RequestError error={issue.error} /> : null}
        {available ? (
          <Button variant="primary" pending={issue.isPending} onClick={() => setOpen(true)}>
            {t("download")}
          </Button>
        ) : (
          <p className="text-sm text-slate-600">{t("notAvailable")}</p>
        )}
        <ConfirmDialog
          open={open}
          title={t("confirmTitle")}
          confirmLabel={t("confirm")}
          variant="primary"
          pending={issue.isPending}
          onCancel={() => setOpen(false)}
          onConfirm={() => issue.mutate({ institutionId: institution.id, environmentId: environment.id })}
        >
          {t("confirmBody")}
        </ConfirmDialog>
        {bundle ? (
          <div className="space-y-3">
            <Alert tone="success">
              <p>{t("issued", { stack: bundle.stackName })}</p>
              <p className="mt-1">
                <span className="sr-only">{t("keyPrefix")}: </span>
                <code data-testid="key-prefix" className="rounded bg-white/70 px-1.5 py-0.5 font-mono text-sm font-semibold">
                  {bundle.keyPrefix}…
                </code>
              </p>
              <p className="mt-1 text-xs">{t("keyPrefixHint")}</p>
            </Alert>
            <h3 className="text-sm font-semibold text-slate-900">{t("files")}</h3>
            <BundleFiles files={bundle.files} />
            <p className="text-xs text-slate-500">{t("onlyOnce")}</p>
          </div>
        ) : null}
      </div>
    </Card>
  );
}
