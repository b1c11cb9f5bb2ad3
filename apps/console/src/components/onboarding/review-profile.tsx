"use client";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { useApiFamilyPhases } from "@/lib/use-api-family-phases";
import { DetailList } from "../ui/detail-list";

export function ReviewProfile({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations();
  const chosen = new Set<string>(institution.apiFamilies);
  const phases = useApiFamilyPhases();
  return (
    <DetailList
      items={[
        {
          label: t("institution.identity.brands"),
          value: (
            <ul className="space-y-1">
              {institution.brands.map((brand) => (
                <li key={brand.id}>
                  {brand.name} <span className="font-mono text-xs text-slate-500">{brand.authorisationServerId}</span>
                </li>
              ))}
            </ul>
          ),
        },
        ...phases
          .filter(({ families }) => families.some((f) => chosen.has(f)))
          .map(({ phase, families }) => ({
            label: t(`onboarding.profile.phases.${phase}`),
            value: families
              .filter((f) => chosen.has(f))
              .map((f) => t(`enums.apiFamily.${f}`))
              .join(", "),
          })),
      ]}
    />
  );
}
