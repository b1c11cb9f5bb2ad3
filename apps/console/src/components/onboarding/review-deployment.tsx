"use client";
import { useTranslations } from "next-intl";
import { NAMED_SAAS_REGIONS } from "@/lib/options";
import type { InstitutionDetail } from "@/lib/router-types";
import { DetailList } from "../ui/detail-list";
import { AgentInstallGuide } from "./agent-install-guide";

export function ReviewDeployment({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations();
  const mode = institution.deploymentMode;
  const account = institution.managedAccount;
  const named = NAMED_SAAS_REGIONS.find((r) => r === institution.region);
  if (!mode) return null;
  return (
    <div className="space-y-3">
      <div>
        <p className="text-sm font-semibold text-slate-900">{t(`onboarding.deployment.modes.${mode}.title`)}</p>
        <p className="text-sm text-slate-600">{t(`onboarding.deployment.modes.${mode}.summary`)}</p>
      </div>
      {mode === "SAAS" ? (
        <DetailList
          items={[
            { label: t("onboarding.deployment.saasRegion"), value: named ? t(`enums.saasRegion.${named}`) : (institution.region ?? "") },
          ]}
        />
      ) : null}
      {mode === "MANAGED" && account ? (
        <DetailList
          items={[
            { label: t("onboarding.deployment.cloudProvider"), value: t(`enums.cloudProvider.${account.cloudProvider}`) },
            {
              label: t(`onboarding.deployment.accountRef.${account.cloudProvider}`),
              value: <span className="font-mono">{account.accountRef}</span>,
            },
            { label: t("onboarding.deployment.region"), value: <span className="font-mono">{account.region}</span> },
            { label: t("onboarding.deployment.clusterName"), value: <span className="font-mono">{account.clusterName}</span> },
            {
              label: t("onboarding.deployment.clusterEndpoint"),
              value: <span className="font-mono text-xs">{account.clusterEndpoint}</span>,
            },
            account.credentialsSource === "AGENT"
              ? { label: t("onboarding.deployment.credentialsSource.legend"), value: t("onboarding.review.accessWithAgent") }
              : { label: t("onboarding.deployment.access.title"), value: t("onboarding.review.accessStored") },
          ]}
        />
      ) : null}
      {mode === "MANAGED" && account?.credentialsSource === "AGENT" ? <AgentInstallGuide institutionId={institution.id} saved /> : null}
    </div>
  );
}
