"use client";
import { useTranslations } from "next-intl";
import { NAMED_SAAS_REGIONS } from "@/lib/options";
import { SelectField } from "../ui/select-field";

type Props = { regions: readonly string[]; value: string; onChange: (region: string) => void; error: string | null };

/** The regions Opus runs SaaS tenants in (configured on the API), with a friendly name when known. */
export function SaasRegionField({ regions, value, onChange, error }: Props) {
  const t = useTranslations();
  const label = (region: string) => {
    const named = NAMED_SAAS_REGIONS.find((r) => r === region);
    return named ? t(`enums.saasRegion.${named}`) : region;
  };
  return (
    <SelectField
      label={t("onboarding.deployment.saasRegion")}
      hint={t("onboarding.deployment.saasRegionHint")}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      error={error}
      className="max-w-md"
      options={[{ value: "", label: t("onboarding.deployment.chooseRegion") }, ...regions.map((r) => ({ value: r, label: label(r) }))]}
    />
  );
}
