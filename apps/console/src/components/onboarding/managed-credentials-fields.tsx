"use client";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { PORT_RANGE } from "@opus/rules/text-patterns";
import { useTranslations } from "next-intl";
import { DATABASE_SSL_MODES } from "@/lib/options";
import { Alert } from "../ui/alert";
import { Fieldset } from "../ui/fieldset";
import { SelectField } from "../ui/select-field";
import { TextAreaField } from "../ui/text-area-field";
import { TextField } from "../ui/text-field";
import { CREDENTIAL_PATHS, type CredentialsForm } from "./credentials-form";

const PORT_DIGITS = String(PORT_RANGE.max).length;

type Props = {
  value: CredentialsForm;
  onChange: (value: CredentialsForm) => void;
  /** Access is already stored: the whole section may stay empty to keep it. */
  stored: boolean;
  message: (field: string) => string | null;
  touch: (field: string) => void;
};

/** Cluster, gateway, database and queue access for Opus: stored encrypted, never shown again. */
export function ManagedCredentialsFields({ value, onChange, stored, message, touch }: Props) {
  const t = useTranslations("onboarding.deployment.access");
  const field = (name: keyof CredentialsForm) => ({
    value: value[name],
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [name]: e.target.value }),
    onBlur: () => touch(CREDENTIAL_PATHS[name]),
    error: message(CREDENTIAL_PATHS[name]),
    spellCheck: false,
    autoComplete: "off",
  });
  const mono = "[&_input]:font-mono";
  return (
    <Fieldset
      legend={stored ? t("titleOptional") : t("title")}
      error={message("credentials")}
      className="rounded-md border border-slate-200 p-4"
    >
      <div className="space-y-5">
        <Alert tone="info">
          <p>{t("encrypted")}</p>
          {stored ? <p className="mt-1 font-medium">{t("keepStored")}</p> : null}
        </Alert>
        <TextAreaField
          label={t("kubeconfig")}
          hint={t("kubeconfigHint")}
          {...field("kubeconfig")}
          rows={7}
          maxLength={TEXT_LIMITS.kubeconfigMax}
          placeholder={"apiVersion: v1\nkind: Config\n…"}
          className="[&_textarea]:font-mono [&_textarea]:text-xs"
        />
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <TextField
            label={t("gatewayDomain")}
            hint={t("gatewayDomainHint")}
            {...field("gatewayDomain")}
            maxLength={TEXT_LIMITS.host}
            className={mono}
          />
          <TextField
            label={t("gatewayNamespace")}
            hint={t("gatewayNamespaceHint")}
            {...field("gatewayNamespace")}
            maxLength={TEXT_LIMITS.namespace}
            className={mono}
          />
        </div>
        <fieldset className="space-y-3 border-t border-slate-100 pt-4">
          <legend className="text-sm font-semibold text-slate-800">{t("database")}</legend>
          <p className="text-xs text-slate-500">{t("databaseHint")}</p>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <TextField label={t("dbHost")} {...field("dbHost")} maxLength={TEXT_LIMITS.host} className={`md:col-span-2 ${mono}`} />
            <TextField label={t("dbPort")} inputMode="numeric" {...field("dbPort")} maxLength={PORT_DIGITS} className={mono} />
            <TextField label={t("dbUser")} {...field("dbUser")} maxLength={TEXT_LIMITS.adminUser} className={mono} />
            <TextField
              label={t("dbPassword")}
              type="password"
              {...field("dbPassword")}
              autoComplete="new-password"
              maxLength={TEXT_LIMITS.adminPassword}
            />
            <SelectField
              label={t("dbSslMode")}
              value={value.dbSslMode}
              onChange={(e) => onChange({ ...value, dbSslMode: DATABASE_SSL_MODES.find((m) => m === e.target.value) ?? "require" })}
              options={DATABASE_SSL_MODES.map((m) => ({ value: m, label: t(`sslModes.${m}`) }))}
            />
            <TextField
              label={t("cidr")}
              hint={t("dbCidrHint")}
              placeholder="10.0.0.0/24"
              {...field("dbCidr")}
              maxLength={TEXT_LIMITS.cidr}
              className={mono}
            />
          </div>
        </fieldset>
        <fieldset className="space-y-3 border-t border-slate-100 pt-4">
          <legend className="text-sm font-semibold text-slate-800">{t("queue")}</legend>
          <p className="text-xs text-slate-500">{t("queueHint")}</p>
          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <TextField
              label={t("mqEndpoint")}
              hint={t("mqEndpointHint")}
              type="url"
              placeholder="https://"
              {...field("mqEndpoint")}
              maxLength={TEXT_LIMITS.queueEndpoint}
              className={`md:col-span-3 ${mono}`}
            />
            <TextField label={t("mqUser")} {...field("mqUser")} maxLength={TEXT_LIMITS.adminUser} className={mono} />
            <TextField
              label={t("mqPassword")}
              type="password"
              {...field("mqPassword")}
              autoComplete="new-password"
              maxLength={TEXT_LIMITS.adminPassword}
            />
            <TextField
              label={t("mqCidr")}
              hint={t("mqCidrHint")}
              placeholder="10.0.1.0/24"
              {...field("mqCidr")}
              maxLength={TEXT_LIMITS.cidr}
              className={mono}
            />
            <TextField label={t("mqHost")} {...field("mqHost")} maxLength={TEXT_LIMITS.host} className={`md:col-span-2 ${mono}`} />
            <TextField label={t("mqPort")} inputMode="numeric" {...field("mqPort")} maxLength={PORT_DIGITS} className={mono} />
          </div>
        </fieldset>
      </div>
    </Fieldset>
  );
}
