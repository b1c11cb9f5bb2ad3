"use client";
import { CLOUD_PROVIDERS } from "@opus/rules/enums";
import { useTranslations } from "next-intl";
import type { CloudProvider } from "@/lib/router-types";
import { Fieldset } from "../ui/fieldset";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";
import type { ManagedForm } from "./deployment-form";

type Props = {
  value: ManagedForm;
  onChange: (value: ManagedForm) => void;
  message: (field: string) => string | null;
  touch: (field: string) => void;
};

/** The customer's cloud account that Opus will operate, and the Kubernetes cluster in it. */
export function ManagedAccountFields({ value, onChange, message, touch }: Props) {
  const t = useTranslations();
  const provider = value.cloudProvider || "AWS";
  const field = (name: Exclude<keyof ManagedForm, "cloudProvider">) => ({
    value: value[name],
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [name]: e.target.value }),
    onBlur: () => touch(name),
    error: message(name),
    spellCheck: false,
    autoComplete: "off",
    required: true,
  });
  return (
    <Fieldset legend={t("onboarding.deployment.account")} className="rounded-md border border-slate-200 p-4">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <SelectField
          label={t("onboarding.deployment.cloudProvider")}
          value={value.cloudProvider}
          onChange={(e) => {
            onChange({ ...value, cloudProvider: CLOUD_PROVIDERS.find((p) => p === e.target.value) ?? ("" as CloudProvider | "") });
            touch("cloudProvider");
          }}
          error={message("cloudProvider")}
          options={[
            { value: "", label: t("onboarding.deployment.chooseProvider") },
            ...CLOUD_PROVIDERS.map((p) => ({ value: p, label: t(`enums.cloudProvider.${p}`) })),
          ]}
        />
        <TextField
          label={t(`onboarding.deployment.accountRef.${provider}`)}
          hint={t("onboarding.deployment.accountRefHint")}
          {...field("accountRef")}
          maxLength={64}
          className="[&_input]:font-mono"
        />
        <TextField
          label={t("onboarding.deployment.region")}
          hint={t(`onboarding.deployment.regionHint.${provider}`)}
          {...field("region")}
          maxLength={40}
          className="[&_input]:font-mono"
        />
        <TextField
          label={t("onboarding.deployment.clusterName")}
          hint={t("onboarding.deployment.clusterNameHint")}
          {...field("clusterName")}
          maxLength={63}
          className="[&_input]:font-mono"
        />
        <TextField
          label={t("onboarding.deployment.clusterEndpoint")}
          hint={t("onboarding.deployment.clusterEndpointHint")}
          type="url"
          placeholder="https://"
          {...field("clusterEndpoint")}
          maxLength={255}
          className="md:col-span-2 [&_input]:font-mono"
        />
      </div>
    </Fieldset>
  );
}
