"use client";
import { requestableActions } from "@opus/rules/approval-applicability";
import { transitionInstitution } from "@opus/rules/institution-lifecycle";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { can } from "@/lib/permissions";
import type { InstitutionDetail } from "@/lib/router-types";
import { OffboardingActions } from "../governance/offboarding-actions";
import { PendingRequests } from "../governance/pending-requests";
import { RequestChangeForm } from "../governance/request-change-form";
import { ResumeAction } from "../governance/resume-action";
import { ReviewActions } from "../governance/review-actions";
import { useCurrentMe } from "../shell/me-context";
import { Card } from "../ui/card";
import { ExportRecordsButton } from "./export-records-button";

/** What Opus staff may do with this institution now, by role and status. */
export function StaffActions({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations("institution.actions");
  const me = useCurrentMe();
  const id = institution.id;
  const { status } = institution;
  const parts: { key: string; node: ReactNode }[] = [];
  // Offered when the tenant state machine allows the move (approve and reject share one form).
  const allows = (event: Parameters<typeof transitionInstitution>[1]) => transitionInstitution(status, event).ok;
  if (allows("approve") && can(me, "institution.review", id))
    parts.push({ key: "review", node: <ReviewActions institution={institution} /> });
  if (allows("resume") && can(me, "institution.govern", id))
    parts.push({ key: "resume", node: <ResumeAction institution={institution} /> });
  if (allows("confirmDestruction") && can(me, "institution.destroy", id))
    parts.push({ key: "offboarding", node: <OffboardingActions institution={institution} /> });
  if (can(me, "institution.govern", id)) {
    parts.push({ key: "pending", node: <PendingRequests institutionId={id} /> });
    if (requestableActions(status).length > 0) parts.push({ key: "request", node: <RequestChangeForm institution={institution} /> });
  }
  if (can(me, "institution.export", id)) {
    parts.push({
      key: "export",
      node: (
        <section aria-labelledby="export-heading" className="space-y-2">
          <h3 id="export-heading" className="text-sm font-semibold text-slate-900">
            {t("exportTitle")}
          </h3>
          <p className="text-sm text-slate-600">{t("exportHelp")}</p>
          <ExportRecordsButton institution={institution} />
        </section>
      ),
    });
  }
  if (parts.length === 0) return null;
  return (
    <Card title={t("title")}>
      <div className="divide-y divide-slate-100 [&>*]:py-4 [&>*:first-child]:pt-0 [&>*:last-child]:pb-0">
        {parts.map((part) => (
          <div key={part.key}>{part.node}</div>
        ))}
      </div>
    </Card>
  );
}
