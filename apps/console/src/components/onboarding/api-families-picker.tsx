"use client";
import { useTranslations } from "next-intl";
import type { ApiFamily } from "@/lib/router-types";
import { useApiFamilyPhases } from "@/lib/use-api-family-phases";
import { CheckboxField } from "../ui/checkbox-field";
import { Fieldset } from "../ui/fieldset";

type Props = { selected: ApiFamily[]; onChange: (families: ApiFamily[]) => void; error: string | null };

/** The API families to expose, grouped by Open Finance phase, with a shortcut per phase. */
export function ApiFamiliesPicker({ selected, onChange, error }: Props) {
  const t = useTranslations();
  const phases = useApiFamilyPhases();
  const toggle = (family: ApiFamily, on: boolean) => onChange(on ? [...selected, family] : selected.filter((f) => f !== family));
  return (
    <Fieldset legend={t("onboarding.profile.apiFamilies")} hint={t("onboarding.profile.apiFamiliesHint")} error={error}>
      <div className="grid grid-cols-1 gap-3 lg:grid-cols-2">
        {phases.map(({ phase, families }) => {
          const all = families.every((f) => selected.includes(f));
          return (
            <fieldset key={phase} className="rounded-md border border-slate-200 p-3">
              <legend className="px-1 text-sm font-semibold text-slate-800">{t(`onboarding.profile.phases.${phase}`)}</legend>
              <p className="mb-2 text-xs text-slate-500">{t(`onboarding.profile.phaseHelp.${phase}`)}</p>
              <button
                type="button"
                className="mb-2 text-xs font-medium text-brand-700 hover:underline"
                onClick={() =>
                  onChange(all ? selected.filter((f) => !families.some((x) => x === f)) : [...new Set([...selected, ...families])])
                }
              >
                {all ? t("onboarding.profile.clearPhase") : t("onboarding.profile.selectPhase")}
              </button>
              <div className="space-y-1.5">
                {families.map((family) => (
                  <CheckboxField
                    key={family}
                    label={t(`enums.apiFamily.${family}`)}
                    checked={selected.includes(family)}
                    onChange={(e) => toggle(family, e.target.checked)}
                  />
                ))}
              </div>
            </fieldset>
          );
        })}
      </div>
    </Fieldset>
  );
}
