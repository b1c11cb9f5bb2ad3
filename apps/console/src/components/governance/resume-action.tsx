"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { InstitutionDetail } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useGovernanceRefresh } from "./use-governance-refresh";

/** Lifting a suspension restores service, so one Opus person may do it. */
export function ResumeAction({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations("institution.actions");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const refresh = useGovernanceRefresh();
  const [open, setOpen] = useState(false);
  const resume = useMutation(
    trpc.institutions.resume.mutationOptions({
      onSuccess: refresh,
      onSettled: () => setOpen(false),
    }),
  );
  return (
    <section aria-labelledby="resume-heading" className="space-y-2">
      <h3 id="resume-heading" className="text-sm font-semibold text-slate-900">
        {t("resumeTitle")}
      </h3>
      <p className="text-sm text-slate-600">{t("resumeHelp")}</p>
      {resume.isError ? <Alert tone="error">{errorMessage(resume.error)}</Alert> : null}
      <Button variant="primary" onClick={() => setOpen(true)}>
        {t("resume")}
      </Button>
      <ConfirmDialog
        open={open}
        title={t("resumeConfirm", { name: institution.legalName })}
        confirmLabel={t("resume")}
        variant="primary"
        pending={resume.isPending}
        onCancel={() => setOpen(false)}
        onConfirm={() => resume.mutate({ institutionId: institution.id })}
      >
        {t("resumeBody")}
      </ConfirmDialog>
    </section>
  );
}
