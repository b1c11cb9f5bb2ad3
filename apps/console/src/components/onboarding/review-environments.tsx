"use client";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { DetailList } from "../ui/detail-list";

export function ReviewEnvironments({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations();
  return (
    <DetailList
      items={[
        {
          label: t("onboarding.environments.kinds"),
          value: institution.environments.map((e) => t(`enums.environmentKind.${e.kind}`)).join(", "),
        },
        {
          label: t("onboarding.environments.plan"),
          value: institution.plan
            ? t("institution.plan.planWithSize", { name: institution.plan.name, size: t(`enums.planSize.${institution.plan.size}`) })
            : t("common.notSet"),
        },
      ]}
    />
  );
}
