"use client";
import { DEPLOYMENT_MODES } from "@opus/rules/enums";
import { useTranslations } from "next-intl";
import type { DeploymentMode } from "@/lib/router-types";
import { Fieldset } from "../ui/fieldset";
import { RadioCard } from "../ui/radio-card";

type Props = { value: DeploymentMode | ""; onChange: (mode: DeploymentMode) => void; error: string | null };

/** The three ways to run the platform, each explained in plain words. */
export function DeploymentModePicker({ value, onChange, error }: Props) {
  const t = useTranslations("onboarding.deployment");
  return (
    <Fieldset legend={t("mode")} error={error}>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-3">
        {DEPLOYMENT_MODES.map((mode) => (
          <RadioCard
            key={mode}
            name="deployment-mode"
            value={mode}
            checked={value === mode}
            onChange={() => onChange(mode)}
            title={t(`modes.${mode}.title`)}
          >
            <span className="block font-medium text-slate-700">{t(`modes.${mode}.summary`)}</span>
            <span className="mt-1 block">{t(`modes.${mode}.details`)}</span>
          </RadioCard>
        ))}
      </div>
    </Fieldset>
  );
}
