"use client";
import { formatCnpj } from "@opus/rules/cnpj";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { DetailList } from "../ui/detail-list";

export function ReviewIdentity({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations();
  return (
    <DetailList
      items={[
        { label: t("institution.identity.legalName"), value: institution.legalName },
        { label: t("institution.identity.tradeName"), value: institution.tradeName ?? t("common.notSet") },
        { label: t("institution.identity.cnpj"), value: <span className="font-mono">{formatCnpj(institution.cnpj ?? "")}</span> },
        {
          label: t("institution.identity.organisationId"),
          value: <span className="font-mono text-xs">{institution.organisationId}</span>,
        },
        {
          label: t("institution.identity.roles"),
          value: institution.roles.map((role) => t(`enums.regulatoryRole.${role}`)).join(", "),
        },
      ]}
    />
  );
}
