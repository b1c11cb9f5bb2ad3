"use client";
import { useTranslations } from "next-intl";
import type { Plan } from "@/lib/router-types";
import { Fieldset } from "../ui/fieldset";
import { RadioCard } from "../ui/radio-card";

type Props = { plans: Plan[]; value: string; onChange: (planId: string) => void; error: string | null };

/** The plans on offer; the size decides the environments' capacity. */
export function PlanPicker({ plans, value, onChange, error }: Props) {
  const t = useTranslations();
  return (
    <Fieldset legend={t("onboarding.environments.plan")} hint={t("onboarding.environments.planHint")} error={error}>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        {plans.map((plan) => (
          <RadioCard
            key={plan.id}
            name="plan"
            value={plan.id}
            checked={value === plan.id}
            onChange={() => onChange(plan.id)}
            title={plan.name}
          >
            {t(`enums.planSizeHelp.${plan.size}`)}
          </RadioCard>
        ))}
      </div>
    </Fieldset>
  );
}
