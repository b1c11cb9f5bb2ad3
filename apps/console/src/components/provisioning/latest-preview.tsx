"use client";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Card } from "../ui/card";
import { Spinner } from "../ui/spinner";
import { ApproveDeployButton } from "./approve-deploy-button";
import { ChangeSummary } from "./change-summary";
import { EngineError } from "./engine-error";
import { OperationStatusBadge } from "./operation-status-badge";
import { runPath } from "./provisioning-paths";
import type { EnvironmentRow } from "./provisioning-types";

/** When the environment's latest run is a preview: its progress, then its change summary to approve. */
export function LatestPreview({ institutionId, environment }: { institutionId: string; environment: EnvironmentRow }) {
  const t = useTranslations("Provisioning.preview");
  const format = useFormatter();
  const run = environment.latestOperation;
  if (run?.kind !== "PREVIEW") return null;
  const link = (
    <Link href={runPath(institutionId, run.id)} className="text-sm font-medium text-brand-700 underline hover:text-brand-900">
      {t("openRun")}
    </Link>
  );
  return (
    <Card title={t("title")} actions={<OperationStatusBadge status={run.status} />}>
      <div className="space-y-3" data-testid="latest-preview">
        {run.status === "QUEUED" || run.status === "RUNNING" ? (
          <p className="flex items-center gap-2 text-sm text-slate-700" role="status">
            <Spinner className="size-4 text-brand-600" />
            {t(run.status === "QUEUED" ? "queued" : "running")}
          </p>
        ) : null}
        {run.status === "SUCCEEDED" ? (
          <>
            <p className="text-sm text-slate-700">
              {t("succeeded", { date: format.dateTime(run.finishedAt ?? run.createdAt, "dateTime") })}
            </p>
            <ChangeSummary summary={run.summary} kind={run.kind} />
            <ApproveDeployButton institutionId={institutionId} environmentId={run.environmentId} previewId={run.id} />
          </>
        ) : null}
        {run.status === "FAILED" ? (
          <>
            <p className="text-sm text-slate-700">{t("failed")}</p>
            {run.error ? <EngineError text={run.error} /> : null}
          </>
        ) : null}
        {run.status === "CANCELLED" ? <p className="text-sm text-slate-700">{t("cancelled")}</p> : null}
        {link}
      </div>
    </Card>
  );
}
