"use client";
import { useTranslations } from "next-intl";
import { Card } from "../ui/card";
import { ApproveDeployButton } from "./approve-deploy-button";
import { ChangeSummary } from "./change-summary";
import type { Operation } from "./provisioning-types";

type Props = { institutionId: string; run: Operation; latest: boolean };

/** A successful preview's changes, for the operator to approve; only the environment's latest run can be approved. */
export function PreviewApproval({ institutionId, run, latest }: Props) {
  const t = useTranslations("Provisioning");
  return (
    <Card title={t("summary.title")}>
      <div className="space-y-3">
        <ChangeSummary summary={run.summary} kind={run.kind} />
        {latest ? (
          <ApproveDeployButton institutionId={institutionId} environmentId={run.environmentId} previewId={run.id} />
        ) : (
          <p className="text-sm text-slate-600">{t("preview.stale")}</p>
        )}
      </div>
    </Card>
  );
}
