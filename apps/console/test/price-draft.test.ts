// The price form turns what a person types into the API's exact spec: integer centavos for fees,
// decimal strings for prices and quantities, in either language, and names each field to fix.
import { describe, expect, it } from "vitest";
import { draftOf, type PriceSpec, specOf } from "../src/components/pricing/price-draft.ts";

const SPEC: PriceSpec = {
  baseFees: { SAAS: 150_000, MANAGED: 210_000, SELF_MANAGED: 90_005 },
  meters: {
    api_calls: {
      model: "GRADUATED",
      included: "100000",
      tiers: [
        { upTo: "1000000", unitPrice: "0.002" },
        { upTo: null, unitPrice: "0.0015" },
      ],
    },
    active_consents: { model: "PACKAGE", included: "1000", packageSize: "1000", packagePrice: "25.5" },
  },
};
const CODES = ["active_consents", "api_calls", "payments_initiated"];

describe("price draft", () => {
  it.each(["pt-BR", "en"] as const)("gives back the spec it started from (%s)", (locale) => {
    const draft = draftOf(CODES, SPEC, locale);
    expect(specOf(draft, locale)).toEqual({ spec: SPEC });
  });

  it("shows fees and prices with the person's decimal separator", () => {
    const draft = draftOf(CODES, SPEC, "pt-BR");
    expect(draft.baseFees.SELF_MANAGED).toBe("900,05");
    expect(draft.meters.api_calls?.tiers[1]?.unitPrice).toBe("0,0015");
    expect(draft.meters.payments_initiated?.charged).toBe(false);
    expect(draftOf(CODES, SPEC, "en").baseFees.SELF_MANAGED).toBe("900.05");
  });

  it("reads Brazilian amounts exactly into centavos", () => {
    const draft = draftOf(CODES, null, "pt-BR");
    draft.baseFees = { SAAS: "R$ 1.500,00", MANAGED: "2.100,1", SELF_MANAGED: "0,07" };
    const result = specOf(draft, "pt-BR");
    expect(result).toEqual({ spec: { baseFees: { SAAS: 150_000, MANAGED: 210_010, SELF_MANAGED: 7 }, meters: {} } });
  });

  it("names every field to fix, and sends nothing", () => {
    const draft = draftOf(CODES, SPEC, "pt-BR");
    draft.baseFees.MANAGED = "12,345";
    const calls = draft.meters.api_calls;
    if (!calls) throw new Error("no api_calls draft");
    calls.tiers[0] = { upTo: "-5", unitPrice: "0,000000001" };
    calls.tiers[1] = { upTo: "ignored for the last tier", unitPrice: "1e-3" };
    expect(specOf(draft, "pt-BR")).toEqual({
      errors: {
        "baseFees.MANAGED": "amount",
        "meters.api_calls.tiers.0.upTo": "decimal",
        "meters.api_calls.tiers.0.unitPrice": "decimal",
        "meters.api_calls.tiers.1.unitPrice": "decimal",
      },
    });
  });

  it("refuses a negative base fee", () => {
    const draft = draftOf(CODES, SPEC, "en");
    draft.baseFees.SAAS = "-1.00";
    expect(specOf(draft, "en")).toEqual({ errors: { "baseFees.SAAS": "amount" } });
  });
});
