"use client";
import { useFormatter, useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { Card } from "../ui/card";
import { DetailList } from "../ui/detail-list";

export function PlanCard({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations();
  const format = useFormatter();
  const date = (value: Date | null) => (value ? format.dateTime(value, "dateTime") : t("common.notSet"));
  return (
    <Card title={t("institution.plan.title")}>
      <DetailList
        items={[
          {
            label: t("institution.plan.plan"),
            value: institution.plan
              ? t("institution.plan.planWithSize", { name: institution.plan.name, size: t(`enums.planSize.${institution.plan.size}`) })
              : t("common.notSet"),
          },
          { label: t("institution.plan.retention"), value: t("institution.plan.retentionDays", { days: institution.retentionDays }) },
          { label: t("institution.plan.created"), value: date(institution.createdAt) },
          { label: t("institution.plan.submitted"), value: date(institution.submittedAt) },
          { label: t("institution.plan.approved"), value: date(institution.approvedAt) },
          ...(institution.rejectionReason ? [{ label: t("institution.plan.rejectionReason"), value: institution.rejectionReason }] : []),
        ]}
      />
    </Card>
  );
}
