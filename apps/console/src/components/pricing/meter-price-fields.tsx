"use client";
import { useTranslations } from "next-intl";
import { Button } from "../ui/button";
import { CheckboxField } from "../ui/checkbox-field";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";
import { type DraftErrors, type MeterDraft, PRICING_MODELS } from "./price-draft";

type Props = {
  code: string;
  name: string;
  meter: MeterDraft;
  errors: DraftErrors;
  onChange: (meter: MeterDraft) => void;
};

/** One meter's price: whether it is charged, its model, the included quantity, and tiers or a package. */
export function MeterPriceFields({ code, name, meter, errors, onChange }: Props) {
  const t = useTranslations("planPrices");
  const at = `meters.${code}`;
  const errorOf = (field: string) => (errors[`${at}.${field}`] ? t("form.decimalInvalid") : null);
  const upToError = (kind: DraftErrors[string] | undefined) =>
    kind === "order" ? t("form.tiersOrder") : kind ? t("form.decimalInvalid") : null;
  const setTier = (i: number, change: Partial<MeterDraft["tiers"][number]>) =>
    onChange({ ...meter, tiers: meter.tiers.map((tier, j) => (j === i ? { ...tier, ...change } : tier)) });
  return (
    <fieldset className="rounded-md border border-slate-200 p-3" data-testid={`meter-price-${code}`}>
      <legend className="px-1 text-sm font-medium text-slate-900">
        {name} <span className="font-mono text-xs text-slate-500">{code}</span>
      </legend>
      <CheckboxField
        label={t("form.charge", { meter: name })}
        checked={meter.charged}
        onChange={(e) => onChange({ ...meter, charged: e.target.checked })}
      />
      {meter.charged ? (
        <div className="mt-3 space-y-3">
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            <SelectField
              label={t("form.model")}
              hint={t(`modelHelp.${meter.model}`)}
              value={meter.model}
              onChange={(e) => onChange({ ...meter, model: PRICING_MODELS.find((m) => m === e.target.value) ?? "GRADUATED" })}
              options={PRICING_MODELS.map((m) => ({ value: m, label: t(`model.${m}`) }))}
            />
            <TextField
              label={t("form.included")}
              value={meter.included}
              inputMode="decimal"
              onChange={(e) => onChange({ ...meter, included: e.target.value })}
              error={errorOf("included")}
            />
          </div>
          {meter.model === "PACKAGE" ? (
            <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
              <TextField
                label={t("form.packageSize")}
                value={meter.packageSize}
                inputMode="decimal"
                onChange={(e) => onChange({ ...meter, packageSize: e.target.value })}
                error={errorOf("packageSize")}
              />
              <TextField
                label={t("form.packagePrice")}
                value={meter.packagePrice}
                inputMode="decimal"
                onChange={(e) => onChange({ ...meter, packagePrice: e.target.value })}
                error={errorOf("packagePrice")}
              />
            </div>
          ) : (
            <div className="space-y-2">
              <p className="text-sm font-medium text-slate-800">{t("form.tiers")}</p>
              {meter.tiers.map((tier, i) => {
                const last = i === meter.tiers.length - 1;
                return (
                  <div key={i} className="grid grid-cols-1 items-start gap-3 md:grid-cols-[1fr_1fr_auto]">
                    {last ? (
                      <p className="text-sm text-slate-600 md:mt-7">{t("form.upToLast")}</p>
                    ) : (
                      <TextField
                        label={t("form.upTo")}
                        value={tier.upTo}
                        inputMode="decimal"
                        onChange={(e) => setTier(i, { upTo: e.target.value })}
                        error={upToError(errors[`${at}.tiers.${i}.upTo`])}
                      />
                    )}
                    <TextField
                      label={t("form.unitPrice")}
                      value={tier.unitPrice}
                      inputMode="decimal"
                      onChange={(e) => setTier(i, { unitPrice: e.target.value })}
                      error={errorOf(`tiers.${i}.unitPrice`)}
                    />
                    {meter.tiers.length > 1 ? (
                      <Button
                        variant="ghost"
                        className="md:mt-6"
                        aria-label={t("form.removeTier", { n: i + 1 })}
                        onClick={() => onChange({ ...meter, tiers: meter.tiers.filter((_, j) => j !== i) })}
                      >
                        ✕
                      </Button>
                    ) : null}
                  </div>
                );
              })}
              {meter.tiers.length < 20 ? (
                <Button
                  onClick={() =>
                    onChange({ ...meter, tiers: [...meter.tiers.slice(0, -1), { upTo: "", unitPrice: "" }, ...meter.tiers.slice(-1)] })
                  }
                >
                  {t("form.addTier")}
                </Button>
              ) : null}
            </div>
          )}
        </div>
      ) : null}
    </fieldset>
  );
}
