"use client";
import { MANAGED_CREDENTIALS_SOURCES, type ManagedCredentialsSource } from "@opus/rules/enums";
import { useTranslations } from "next-intl";
import { Fieldset } from "../ui/fieldset";
import { RadioCard } from "../ui/radio-card";

type Props = { value: ManagedCredentialsSource; onChange: (source: ManagedCredentialsSource) => void };

/** Who holds a managed account's cluster and server credentials, with the trade-off of each in plain words. */
export function CredentialsSourcePicker({ value, onChange }: Props) {
  const t = useTranslations("onboarding.deployment.credentialsSource");
  return (
    <Fieldset legend={t("legend")} hint={t("hint")}>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {MANAGED_CREDENTIALS_SOURCES.map((source) => (
          <RadioCard
            key={source}
            name="credentials-source"
            value={source}
            checked={value === source}
            onChange={() => onChange(source)}
            title={t(`${source}.title`)}
          >
            <span className="block font-medium text-slate-700">{t(`${source}.summary`)}</span>
            <span className="mt-1 block">{t(`${source}.details`)}</span>
          </RadioCard>
        ))}
      </div>
    </Fieldset>
  );
}
