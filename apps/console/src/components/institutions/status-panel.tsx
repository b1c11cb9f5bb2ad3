"use client";
import { canEditOnboarding, WIZARD_STEPS } from "@opus/rules/onboarding";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { can } from "@/lib/permissions";
import type { InstitutionDetail } from "@/lib/router-types";
import { useCurrentMe } from "../shell/me-context";
import { buttonBase, buttonVariants } from "../ui/styles";
import { ExportRecordsButton } from "./export-records-button";
import { InstitutionStatusBadge } from "./institution-status-badge";

const TONES = {
  DRAFT: "border-brand-200 bg-brand-50",
  SUBMITTED: "border-sky-200 bg-sky-50",
  REJECTED: "border-red-200 bg-red-50",
  APPROVED: "border-sky-200 bg-sky-50",
  PROVISIONING: "border-brand-200 bg-brand-50",
  ACTIVE: "border-emerald-200 bg-emerald-50",
  SUSPENDED: "border-amber-300 bg-amber-50",
  OFFBOARDING: "border-amber-300 bg-amber-50",
  OFFBOARDED: "border-slate-200 bg-slate-50",
  SETUP_FAILED: "border-red-200 bg-red-50",
} as const;

/** For the institution's own people: where onboarding stands and what happens next, in plain words. */
export function StatusPanel({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations("institution.status");
  const format = useFormatter();
  const me = useCurrentMe();
  const { status } = institution;
  // Approved, but nothing came up: say so rather than "being prepared".
  const shown = institution.setupFailed ? "SETUP_FAILED" : status;
  const date = (value: Date | null) => (value ? format.dateTime(value, "date") : "—");
  const edit = can(me, "institution.update", institution.id);
  const done = Math.min(institution.wizardStep, WIZARD_STEPS.length);
  const values = {
    submitted: date(institution.submittedAt),
    approved: date(institution.approvedAt),
    retentionUntil: date(institution.retentionUntil),
    offboarded: date(institution.offboardedAt ?? institution.destroyedAt),
    done,
  };
  const wizardLink = (label: string) => (
    <Link href={`/institutions/${institution.id}/onboarding`} className={`${buttonBase} ${buttonVariants.primary}`}>
      {label}
    </Link>
  );
  return (
    <section aria-labelledby="status-title" className={`rounded-lg border p-4 ${TONES[shown]}`} data-testid="status-panel">
      <div className="flex flex-wrap items-center gap-2">
        <h2 id="status-title" className="text-base font-semibold text-slate-900">
          {t(`${shown}.title`)}
        </h2>
        <InstitutionStatusBadge status={status} setupFailed={institution.setupFailed} />
      </div>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">{t(`${shown}.body`, values)}</p>
      {status === "REJECTED" && institution.rejectionReason ? (
        <blockquote className="mt-2 max-w-3xl border-l-4 border-red-300 bg-white/70 px-3 py-2 text-sm whitespace-pre-line text-slate-800">
          <span className="block text-xs font-semibold text-red-800 uppercase">{t("reason")}</span>
          {institution.rejectionReason}
        </blockquote>
      ) : null}
      <p className="mt-2 text-sm font-medium text-slate-800">
        {t("next")} {t(`${shown}.next`, values)}
      </p>
      {edit && canEditOnboarding(status) ? (
        <div className="mt-3">{wizardLink(status === "DRAFT" ? t("continue", { done }) : t("editAndResubmit"))}</div>
      ) : null}
      {status === "OFFBOARDING" && can(me, "institution.export", institution.id) ? (
        <div className="mt-3">
          <ExportRecordsButton institution={institution} />
        </div>
      ) : null}
    </section>
  );
}
