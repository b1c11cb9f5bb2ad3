"use client";
import { useTranslations } from "next-intl";
import { deploymentRegion } from "@/lib/deployment-region";
import type { InstitutionDetail } from "@/lib/router-types";
import { Card } from "../ui/card";
import { DetailList } from "../ui/detail-list";

/** The deployment mode in plain words: who runs the platform, and where. */
export function DeploymentCard({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations();
  const account = institution.managedAccount;
  const mode = institution.deploymentMode;
  return (
    <Card title={t("institution.deployment.title")}>
      <p className="text-sm font-semibold text-slate-900">
        {mode ? t(`enums.deploymentMode.${mode}`) : t("institution.deployment.notChosen")}
      </p>
      <p className="mt-1 text-sm text-slate-600" data-testid="deployment-explanation">
        {mode ? t(`enums.deploymentModeHelp.${mode}`) : t("institution.deployment.notChosenHelp")}
      </p>
      <div className="mt-3">
        <DetailList
          items={[
            { label: t("institution.deployment.region"), value: deploymentRegion(institution) ?? t("common.notSet") },
            ...(account
              ? [
                  { label: t("institution.deployment.cloud"), value: `${account.cloudProvider} · ${account.accountRef}` },
                  { label: t("institution.deployment.cluster"), value: account.clusterName ?? t("common.notSet") },
                  {
                    label: t("institution.deployment.endpoint"),
                    value: <span className="font-mono text-xs">{account.clusterEndpoint ?? t("common.notSet")}</span>,
                  },
                ]
              : []),
          ]}
        />
      </div>
    </Card>
  );
}
