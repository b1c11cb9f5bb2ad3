"use client";
import { formatCnpj } from "@opus/rules/cnpj";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { Card } from "../ui/card";
import { DetailList } from "../ui/detail-list";

export function IdentityCard({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations();
  const none = <span className="text-slate-500">{t("common.notSet")}</span>;
  return (
    <Card title={t("institution.identity.title")}>
      <DetailList
        items={[
          { label: t("institution.identity.legalName"), value: institution.legalName },
          { label: t("institution.identity.tradeName"), value: institution.tradeName ?? none },
          {
            label: t("institution.identity.cnpj"),
            value: institution.cnpj ? <span className="font-mono">{formatCnpj(institution.cnpj)}</span> : none,
          },
          {
            label: t("institution.identity.organisationId"),
            value: institution.organisationId ? <span className="font-mono text-xs">{institution.organisationId}</span> : none,
          },
          {
            label: t("institution.identity.roles"),
            value: institution.roles.length ? (
              <ul className="space-y-0.5">
                {institution.roles.map((role) => (
                  <li key={role}>{t(`enums.regulatoryRole.${role}`)}</li>
                ))}
              </ul>
            ) : (
              none
            ),
          },
          {
            label: t("institution.identity.apiFamilies"),
            value: institution.apiFamilies.length ? (
              <ul className="flex flex-wrap gap-1">
                {institution.apiFamilies.map((family) => {
                  // Families the catalogue does not name yet are shown by their id.
                  const key = `enums.apiFamily.${family}` as Parameters<typeof t>[0];
                  return (
                    <li key={family} title={family} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">
                      {t.has(key) ? t(key) : family}
                    </li>
                  );
                })}
              </ul>
            ) : (
              none
            ),
          },
          {
            label: t("institution.identity.brands"),
            value: institution.brands.length ? institution.brands.map((b) => b.name).join(", ") : none,
          },
        ]}
      />
    </Card>
  );
}
