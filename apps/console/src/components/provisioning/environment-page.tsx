"use client";
import { AGENT_CONTACT_REFRESH_MS } from "@opus/rules/agent-contact";
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Card } from "../ui/card";
import { EmptyState } from "../ui/empty-state";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { AgentStatusCard } from "./agent-status-card";
import { EnvironmentDetails } from "./environment-details";
import { EnvironmentHeading } from "./environment-heading";
import { FailedRunNotice } from "./failed-run-notice";
import { InstallBundlePanel } from "./install-bundle-panel";
import { LatestPreview } from "./latest-preview";
import { isOperable } from "./operation-availability";
import { OperatorActions } from "./operator-actions";
import { isActive, LIVE_POLL_MS } from "./provisioning-types";
import { RunsTable } from "./runs-table";
import { StackOutputs } from "./stack-outputs";
import { useProvisioningRefresh } from "./use-provisioning-refresh";

type Props = { institutionId: string; environmentId: string };

/** One environment: what runs where, the last deploy's outputs, its runs, and what Opus operators can do. */
export function EnvironmentPage({ institutionId, environmentId }: Props) {
  const t = useTranslations("Provisioning");
  const tEnums = useTranslations("enums");
  const trpc = useTRPC();
  const me = useCurrentMe();
  const refresh = useProvisioningRefresh(institutionId);
  const institution = useQuery({
    ...trpc.institutions.get.queryOptions({ institutionId }),
    // The agent's last contact moves while the page is open: read it again at the pace it is stored.
    refetchInterval: (query) => (query.state.data?.managedAccount?.credentialsSource === "AGENT" ? AGENT_CONTACT_REFRESH_MS : false),
  });
  const selfManaged = institution.data?.deploymentMode === "SELF_MANAGED";
  const runs = useQuery({
    ...trpc.environments.findOperations.queryOptions({ institutionId, environmentId }),
    enabled: institution.data !== undefined && !selfManaged,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.some((run) => isActive(run.status)) ? LIVE_POLL_MS : false),
  });
  const live = runs.data?.some((run) => isActive(run.status)) ?? false;
  const environments = useQuery({
    ...trpc.environments.find.queryOptions({ institutionId }),
    staleTime: 0,
    refetchInterval: live ? LIVE_POLL_MS : false,
  });

  // A run that starts or ends changes the environment and maybe the institution's status: reload them.
  const progress = runs.data?.map((run) => run.status).join() ?? "";
  const seen = useRef(progress);
  useEffect(() => {
    if (seen.current && progress && seen.current !== progress) void refresh();
    seen.current = progress;
  }, [progress, refresh]);

  const failed = institution.error ?? environments.error;
  if (failed) {
    return (
      <QueryError
        error={failed}
        onRetry={() => {
          void institution.refetch();
          void environments.refetch();
        }}
      />
    );
  }
  if (!institution.data || !environments.data) return <PageLoading />;
  const environment = environments.data.find((e) => e.id === environmentId);
  if (!environment) return <EmptyState title={t("environment.notFound")} />;

  const data = institution.data;
  const agentAccount = data.deploymentMode === "MANAGED" && data.managedAccount?.credentialsSource === "AGENT" ? data.managedAccount : null;
  const mayOperate = can(me, "environments.operate", institutionId) && !selfManaged;
  const operate = mayOperate && isOperable(data);
  const issueBundle = selfManaged && can(me, "install-bundle.issue", institutionId);
  const outputsCard = (
    <Card title={t("outputs.title")}>
      <div className="space-y-3">
        <StackOutputs outputs={environment.outputs} destroyed={environment.status === "DESTROYED"} release={environment.releaseVersion} />
        <p className="text-xs text-slate-500">{t("outputs.hint")}</p>
      </div>
    </Card>
  );

  return (
    <div className="space-y-4">
      <EnvironmentHeading institutionId={institutionId} environment={environment} />
      {environment.status === "FAILED" && environment.failedOperationId ? (
        <FailedRunNotice institutionId={institutionId} operationId={environment.failedOperationId} operate={mayOperate} />
      ) : null}
      {operate ? <LatestPreview institutionId={institutionId} environment={environment} /> : null}
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-3">
        <div className={`space-y-4 ${mayOperate ? "lg:col-span-2" : "lg:col-span-3"}`}>
          <EnvironmentDetails environment={environment} institutionId={institutionId} />
          {agentAccount ? (
            <AgentStatusCard
              institutionId={institutionId}
              account={agentAccount}
              running={runs.data?.find((run) => run.status === "RUNNING")}
            />
          ) : null}
          {selfManaged ? null : outputsCard}
        </div>
        {mayOperate ? (
          <div className="space-y-4">
            {operate ? (
              <OperatorActions institution={data} environment={environment} />
            ) : (
              <Card title={t("actions.title")}>
                <p className="text-sm text-slate-600">
                  {t("environment.inactiveInstitution", { status: tEnums(`institutionStatus.${data.status}`) })}
                </p>
              </Card>
            )}
          </div>
        ) : null}
      </div>
      {selfManaged ? (
        issueBundle ? (
          <InstallBundlePanel institution={data} environment={environment} />
        ) : (
          <p className="text-sm text-slate-600">{t("environment.selfManagedNote")}</p>
        )
      ) : (
        <section aria-labelledby="runs-heading" className="space-y-2">
          <h2 id="runs-heading" className="text-base font-semibold text-slate-900">
            {t("runs.title")}
          </h2>
          {runs.isError ? (
            <QueryError error={runs.error} onRetry={() => void runs.refetch()} />
          ) : (
            <RunsTable institutionId={institutionId} runs={runs.data} operate={mayOperate} />
          )}
          {runs.data && runs.data.length >= 50 ? <p className="text-xs text-slate-500">{t("runs.recentOnly")}</p> : null}
        </section>
      )}
    </div>
  );
}
