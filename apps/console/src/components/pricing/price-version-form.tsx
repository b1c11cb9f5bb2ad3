"use client";
import { DEPLOYMENT_MODES } from "@opus/rules/enums";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorFieldMap } from "@/lib/app-error";
import { currentBillingMonth, monthLabel, shiftMonth } from "@/lib/billing-month";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Fieldset } from "../ui/fieldset";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";
import { useMeterName } from "../usage/use-meter-name";
import { MeterPriceFields } from "./meter-price-fields";
import { type DraftErrors, draftField, draftOf, type PriceSpec, specOf } from "./price-draft";

type Props = {
  planId: string;
  meters: readonly { code: string; name: string }[];
  /** The version the form starts from (the latest, or the one the person chose). */
  from: PriceSpec | null;
  /** Months that already have a version: saving one of them replaces it. */
  versionMonths: readonly string[];
};

/** A new price version for a month that has not begun (the API refuses any other). */
export function PriceVersionForm({ planId, meters, from, versionMonths }: Props) {
  const t = useTranslations("planPrices");
  const tm = useTranslations("enums.deploymentMode");
  const locale = useLocale() === "pt-BR" ? "pt-BR" : "en";
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const meterName = useMeterName();
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(currentBillingMonth(), i + 1));
  const [month, setMonth] = useState(months[0] ?? "");
  const [draft, setDraft] = useState(() =>
    draftOf(
      meters.map((m) => m.code),
      from,
      locale,
    ),
  );
  const [errors, setErrors] = useState<DraftErrors>({});
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(
    trpc.billing.setPlanPrices.mutationOptions({
      onSuccess: async (version) => {
        setSaved(version.effectiveMonth);
        await queryClient.invalidateQueries(trpc.billing.planPrices.queryFilter({ planId }));
      },
    }),
  );
  // The API checks what the form cannot (tier order): its field errors land on the same fields.
  const serverFields = save.isError ? Object.keys(appErrorFieldMap(save.error)).map(draftField) : [];
  const shown: DraftErrors = {
    ...errors,
    ...Object.fromEntries(serverFields.map((field) => [field, field.endsWith(".upTo") ? ("order" as const) : ("decimal" as const)])),
  };
  const tierOrderRefused = serverFields.some((field) => field.endsWith(".upTo"));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSaved(null);
    save.reset();
    const result = specOf(draft, locale);
    if ("errors" in result) return setErrors(result.errors);
    setErrors({});
    save.mutate({ planId, effectiveMonth: month, spec: result.spec });
  }

  return (
    <Card title={t("form.title")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <SelectField
          label={t("form.effectiveMonth")}
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          options={months.map((m) => ({ value: m, label: monthLabel(m, locale) }))}
          hint={versionMonths.includes(month) ? t("form.replaces", { month: monthLabel(month, locale) }) : undefined}
          className="max-w-xs"
        />
        <Fieldset legend={t("form.baseFees")}>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
            {DEPLOYMENT_MODES.map((mode) => (
              <TextField
                key={mode}
                label={t("form.baseFee", { mode: tm(mode) })}
                value={draft.baseFees[mode]}
                inputMode="decimal"
                onChange={(e) => setDraft({ ...draft, baseFees: { ...draft.baseFees, [mode]: e.target.value } })}
                error={shown[`baseFees.${mode}`] ? t("form.amountInvalid") : null}
              />
            ))}
          </div>
        </Fieldset>
        <Fieldset legend={t("form.meters")}>
          <div className="space-y-3">
            {meters.map((meter) => {
              const value = draft.meters[meter.code];
              return value ? (
                <MeterPriceFields
                  key={meter.code}
                  code={meter.code}
                  name={meterName(meter.code, meter.name)}
                  meter={value}
                  errors={shown}
                  onChange={(next) => setDraft({ ...draft, meters: { ...draft.meters, [meter.code]: next } })}
                />
              ) : null;
            })}
          </div>
        </Fieldset>
        {tierOrderRefused ? <Alert tone="error">{t("form.tiersOrder")}</Alert> : null}
        {save.isError && !tierOrderRefused ? <Alert tone="error">{errorMessage(save.error)}</Alert> : null}
        {saved ? <Alert tone="success">{t("form.saved", { month: monthLabel(saved, locale) })}</Alert> : null}
        <Button type="submit" variant="primary" pending={save.isPending}>
          {t("form.submit", { month: monthLabel(month, locale) })}
        </Button>
      </form>
    </Card>
  );
}
