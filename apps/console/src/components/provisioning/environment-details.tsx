"use client";
import { useFormatter, useTranslations } from "next-intl";
import { EnvironmentStatusBadge } from "../institutions/environment-status-badge";
import { Card } from "../ui/card";
import { DetailList } from "../ui/detail-list";
import { DriftStatus } from "./drift-status";
import type { EnvironmentRow } from "./provisioning-types";

/** Where and what the environment runs: status, release, cluster and namespace, stack, drift. */
export function EnvironmentDetails({ environment, institutionId }: { environment: EnvironmentRow; institutionId: string }) {
  const t = useTranslations();
  const format = useFormatter();
  const dash = <span className="text-slate-500">—</span>;
  const mono = (value: string | null) => (value ? <span className="font-mono text-xs">{value}</span> : dash);
  return (
    <Card title={t("Provisioning.environment.details")}>
      <DetailList
        items={[
          {
            label: t("Provisioning.environment.status"),
            value: (
              <span data-testid="environment-status">
                <EnvironmentStatusBadge status={environment.status} />
              </span>
            ),
          },
          { label: t("Provisioning.environment.release"), value: mono(environment.releaseVersion) },
          { label: t("Provisioning.environment.cluster"), value: mono(environment.cluster) },
          { label: t("Provisioning.environment.namespace"), value: mono(environment.namespace) },
          { label: t("Provisioning.environment.stack"), value: mono(environment.stackName) },
          { label: t("Provisioning.environment.drift"), value: <DriftStatus environment={environment} institutionId={institutionId} /> },
          {
            label: t("Provisioning.environment.lastCheck"),
            value: environment.lastRefreshAt ? format.dateTime(environment.lastRefreshAt, "dateTime") : dash,
          },
          { label: t("Provisioning.environment.updated"), value: format.dateTime(environment.updatedAt, "dateTime") },
        ]}
      />
    </Card>
  );
}
