"use client";
import { useMutation } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { InstitutionDetail } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { DetailList } from "../ui/detail-list";
import { RetentionForm } from "./retention-form";
import { useGovernanceRefresh } from "./use-governance-refresh";

/** The end of offboarding (Opus admins): retention, then confirmed destruction once exported and past retention. */
export function OffboardingActions({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations("institution.actions");
  const format = useFormatter();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const refresh = useGovernanceRefresh();
  const [open, setOpen] = useState(false);
  const destroy = useMutation(
    trpc.institutions.confirmDestruction.mutationOptions({ onSuccess: refresh, onSettled: () => setOpen(false) }),
  );
  const date = (value: Date | null) => (value ? format.dateTime(value, "dateTime") : t("never"));
  const waiting = institution.retentionUntil !== null && institution.retentionUntil > new Date();
  const retentionRunning = t("retentionRunning", { date: date(institution.retentionUntil) });
  return (
    <section aria-labelledby="offboarding-heading" className="space-y-3">
      <h3 id="offboarding-heading" className="text-sm font-semibold text-slate-900">
        {t("offboardingTitle")}
      </h3>
      <DetailList
        items={[
          { label: t("offboardingStarted"), value: date(institution.offboardingStartedAt) },
          { label: t("retentionUntil"), value: date(institution.retentionUntil) },
          { label: t("exportedAt"), value: date(institution.exportedAt) },
        ]}
      />
      {institution.destroyedAt ? (
        <Alert tone="info">{t("destructionConfirmed", { date: date(institution.destroyedAt) })}</Alert>
      ) : (
        <>
          <RetentionForm institution={institution} />
          <p className="text-sm text-slate-600">
            {!institution.exportedAt ? t("exportFirst") : waiting ? retentionRunning : t("readyToDestroy")}
          </p>
          {destroy.isError ? (
            <Alert tone="error">
              {errorMessage(destroy.error, { PRECONDITION_FAILED: institution.exportedAt ? retentionRunning : t("exportFirst") })}
            </Alert>
          ) : null}
          <Button variant="danger" onClick={() => setOpen(true)}>
            {t("destroy")}
          </Button>
          <ConfirmDialog
            open={open}
            title={t("destroyTitle", { name: institution.legalName })}
            confirmLabel={t("destroy")}
            pending={destroy.isPending}
            onCancel={() => setOpen(false)}
            onConfirm={() => destroy.mutate({ institutionId: institution.id })}
          >
            {t("destroyBody")}
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
