"use client";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Card } from "../ui/card";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { ChangeSummary } from "./change-summary";
import { isOperable } from "./operation-availability";
import { PreviewApproval } from "./preview-approval";
import { isActive, LIVE_POLL_MS } from "./provisioning-types";
import { RetryNotice } from "./retry-notice";
import { RunDetails } from "./run-details";
import { RunHeading } from "./run-heading";
import { RunLog } from "./run-log";
import { RunOutcome } from "./run-outcome";
import { StackOutputs } from "./stack-outputs";
import { useProvisioningRefresh } from "./use-provisioning-refresh";
import { useRunLog } from "./use-run-log";

/** One run, live while it is queued or running: status, attempts, the log as it is written, then its result. */
export function RunPage({ institutionId, operationId }: { institutionId: string; operationId: string }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const me = useCurrentMe();
  const refresh = useProvisioningRefresh(institutionId);
  const run = useQuery({
    ...trpc.environments.getOperation.queryOptions({ institutionId, operationId }),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data && isActive(query.state.data.status) ? LIVE_POLL_MS : false),
  });
  const institution = useQuery(trpc.institutions.get.queryOptions({ institutionId }));
  const environments = useQuery({ ...trpc.environments.find.queryOptions({ institutionId }), staleTime: 0 });
  const log = useRunLog(institutionId, operationId);

  // When the run starts or ends, what it changes (environment, institution status, runs) is reloaded.
  const status = run.data?.status;
  const live = status ? isActive(status) : false;
  const seen = useRef(status);
  useEffect(() => {
    if (seen.current && status && seen.current !== status) void refresh();
    seen.current = status;
  }, [status, refresh]);

  if (run.isError) return <QueryError error={run.error} onRetry={() => void run.refetch()} />;
  if (!run.data) return <PageLoading />;
  const data = run.data;
  const environment = environments.data?.find((e) => e.id === data.environmentId);
  const environmentKind = environment ? t(`enums.environmentKind.${environment.kind}`) : null;
  const operate = can(me, "environments.operate", institutionId) && institution.data?.deploymentMode !== "SELF_MANAGED";
  const approvable =
    data.kind === "PREVIEW" && data.status === "SUCCEEDED" && operate && institution.data !== undefined && isOperable(institution.data);
  const showsOutputs = data.kind === "UP" && data.status === "SUCCEEDED";
  // A failed or cancelled run reports no changes: saying "no changes" would mislead.
  const showsSummary = !approvable && (live || data.status === "SUCCEEDED");

  return (
    <div className="space-y-4">
      <RunHeading institutionId={institutionId} run={data} environmentKind={environmentKind} operate={operate} />
      <RunOutcome run={data} />
      <RetryNotice run={data} />
      {approvable ? (
        <PreviewApproval institutionId={institutionId} run={data} latest={environment?.latestOperation?.id === data.id} />
      ) : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className="min-w-0 space-y-4 lg:col-span-2">
          <RunLog lines={log.lines} complete={log.complete} failing={log.failing} />
          {showsOutputs ? (
            <Card title={t("Provisioning.outputs.runTitle")}>
              <div className="space-y-3">
                <StackOutputs outputs={data.outputs} />
                <p className="text-xs text-slate-500">{t("Provisioning.outputs.hint")}</p>
              </div>
            </Card>
          ) : null}
        </div>
        <div className="space-y-4">
          <RunDetails run={data} environmentKind={environmentKind} />
          {showsSummary ? (
            <Card title={t("Provisioning.summary.title")}>
              {live ? (
                <p className="text-sm text-slate-600">{t("Provisioning.summary.notYet")}</p>
              ) : (
                <ChangeSummary summary={data.summary} kind={data.kind} />
              )}
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
