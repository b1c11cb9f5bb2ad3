// The price-version form's state, and its conversion to and from the API's price spec. Amounts a
// person types are turned into integer centavos and exact decimal strings here, by string rules
// only (parseBrl, PRICE_DECIMAL_PATTERN): no number ever stands for money on the way.
import { brlInputText, parseBrl } from "@opus/rules/brl";
import { DEPLOYMENT_MODES, type DeploymentMode } from "@opus/rules/enums";
import { PRICE_DECIMAL_PATTERN } from "@opus/rules/text-patterns";
import type { RouterInputs } from "../../lib/router-types";

export type PriceSpec = RouterInputs["billing"]["setPlanPrices"]["spec"];
type MeterPrice = PriceSpec["meters"][string];
export type PricingModel = MeterPrice["model"];
export const PRICING_MODELS = ["GRADUATED", "VOLUME", "PACKAGE"] as const satisfies readonly PricingModel[];

type Locale = "pt-BR" | "en";
export type TierDraft = { upTo: string; unitPrice: string };
export type MeterDraft = {
  charged: boolean;
  model: PricingModel;
  included: string;
  /** The last tier is open-ended: its `upTo` is not used. */
  tiers: TierDraft[];
  packageSize: string;
  packagePrice: string;
};
export type PriceDraft = { baseFees: Record<DeploymentMode, string>; meters: Record<string, MeterDraft> };

/** What is wrong, by field: "baseFees.SAAS", "meters.api_calls.tiers.1.unitPrice"… */
export type DraftErrors = Record<string, "amount" | "decimal" | "order">;

const blankMeter = (): MeterDraft => ({
  charged: false,
  model: "GRADUATED",
  included: "0",
  tiers: [{ upTo: "", unitPrice: "" }],
  packageSize: "",
  packagePrice: "",
});

/** People write decimals with their language's separator; the API takes a dot. */
const toDecimal = (text: string, locale: Locale) => (locale === "pt-BR" ? text.trim().replace(",", ".") : text.trim());
const fromDecimal = (text: string, locale: Locale) => (locale === "pt-BR" ? text.replace(".", ",") : text);

/** A form for `meterCodes`, filled from `from` (a version to start from) when given. */
export function draftOf(meterCodes: readonly string[], from: PriceSpec | null, locale: Locale): PriceDraft {
  const baseFees = Object.fromEntries(
    DEPLOYMENT_MODES.map((mode) => [mode, from ? brlInputText(from.baseFees[mode], locale) : ""]),
  ) as Record<DeploymentMode, string>;
  const meters: Record<string, MeterDraft> = {};
  for (const code of meterCodes) {
    const price = from?.meters[code];
    if (!price) {
      meters[code] = blankMeter();
      continue;
    }
    meters[code] = {
      ...blankMeter(),
      charged: true,
      model: price.model,
      included: fromDecimal(price.included, locale),
      ...(price.model === "PACKAGE"
        ? { packageSize: fromDecimal(price.packageSize, locale), packagePrice: fromDecimal(price.packagePrice, locale) }
        : {
            tiers: price.tiers.map((tier) => ({
              upTo: tier.upTo === null ? "" : fromDecimal(tier.upTo, locale),
              unitPrice: fromDecimal(tier.unitPrice, locale),
            })),
          }),
    };
  }
  return { baseFees, meters };
}

/** The spec to send, or the fields to fix. The API checks everything again (tier order included). */
export function specOf(draft: PriceDraft, locale: Locale): { spec: PriceSpec } | { errors: DraftErrors } {
  const errors: DraftErrors = {};
  const decimal = (field: string, text: string): string => {
    const value = toDecimal(text, locale);
    if (!PRICE_DECIMAL_PATTERN.test(value)) errors[field] = "decimal";
    return value;
  };
  const baseFees = {} as Record<DeploymentMode, number>;
  for (const mode of DEPLOYMENT_MODES) {
    const centavos = parseBrl(draft.baseFees[mode], locale);
    if (centavos === null || centavos < 0) errors[`baseFees.${mode}`] = "amount";
    baseFees[mode] = centavos ?? 0;
  }
  const meters: Record<string, MeterPrice> = {};
  for (const [code, meter] of Object.entries(draft.meters)) {
    if (!meter.charged) continue;
    const at = `meters.${code}`;
    const included = decimal(`${at}.included`, meter.included);
    if (meter.model === "PACKAGE") {
      meters[code] = {
        model: "PACKAGE",
        included,
        packageSize: decimal(`${at}.packageSize`, meter.packageSize),
        packagePrice: decimal(`${at}.packagePrice`, meter.packagePrice),
      };
      continue;
    }
    const tiers = meter.tiers.map((tier, i) => ({
      upTo: i === meter.tiers.length - 1 ? null : decimal(`${at}.tiers.${i}.upTo`, tier.upTo),
      unitPrice: decimal(`${at}.tiers.${i}.unitPrice`, tier.unitPrice),
    }));
    meters[code] = { model: meter.model, included, tiers };
  }
  return Object.keys(errors).length ? { errors } : { spec: { baseFees, meters } };
}

/** The form field a server-side field error names ("spec.meters.api_calls.tiers.1.upTo" → "meters.api_calls.tiers.1.upTo"). */
export const draftField = (serverPath: string) => serverPath.replace(/^spec\./, "");
