import { describe, expect, it } from "vitest";
import { priceLine } from "../../../src/domain/billing/price-line.ts";
import type { MeterPrice } from "../../../src/domain/billing/price-spec.ts";
import { zPriceSpec } from "../../../src/domain/billing/price-spec.ts";

const graduated: MeterPrice = {
  model: "GRADUATED",
  included: "1000",
  tiers: [
    { upTo: "100000", unitPrice: "0.0015" },
    { upTo: "1000000", unitPrice: "0.0010" },
    { upTo: null, unitPrice: "0.0005" },
  ],
};
const volume: MeterPrice = { ...graduated, model: "VOLUME" } as MeterPrice;
const pkg: MeterPrice = { model: "PACKAGE", included: "0", packageSize: "1000", packagePrice: "2.50" };

describe("graduated tiers", () => {
  it("prices each tier's units at its own price, the boundary unit in the lower tier", () => {
    // 101,000 used, 1,000 included: 100,000 billable, exactly the first tier's upper bound.
    const line = priceLine("101000", graduated);
    expect(line.billable).toBe("100000");
    expect(line.tiers).toEqual([{ from: "0", upTo: "100000", quantity: "100000", unitPrice: "0.0015", amount: "150" }]);
    expect(line.amountCentavos).toBe(15_000);
    // One more unit falls in the second tier.
    const over = priceLine("101001", graduated);
    expect(over.tiers.map((t) => t.quantity)).toEqual(["100000", "1"]);
    expect(over.exactAmount).toBe("150.001");
    expect(over.amountCentavos).toBe(15_000);
  });

  it("reaches the open-ended last tier", () => {
    const line = priceLine("2001000", graduated);
    expect(line.tiers.map((t) => [t.quantity, t.amount])).toEqual([
      ["100000", "150"],
      ["900000", "900"],
      ["1000000", "500"],
    ]);
    expect(line.amountCentavos).toBe(155_000);
  });

  it("charges nothing for zero usage or usage within the included quantity", () => {
    expect(priceLine("0", graduated)).toMatchObject({ billable: "0", tiers: [], amountCentavos: 0 });
    expect(priceLine("999", graduated)).toMatchObject({ billable: "0", tiers: [], amountCentavos: 0 });
    expect(priceLine("1000", graduated)).toMatchObject({ billable: "0", amountCentavos: 0 });
  });

  it("keeps sub-centavo prices exact and rounds the line once, half to even", () => {
    // 1,001 calls at R$ 0,0015 with 1,000 included: 1 billable call = R$ 0,0015 → 0 centavos.
    expect(priceLine("1001", graduated)).toMatchObject({ exactAmount: "0.0015", amountCentavos: 0 });
    // 4,333 billable: R$ 6,4995 → 6,50 (not 6,49 by truncation).
    expect(priceLine("5333", graduated)).toMatchObject({ exactAmount: "6.4995", amountCentavos: 650 });
    // Exactly half a centavo rounds to the even centavo: 0,005 → 0; 0,015 → 0,02.
    const half: MeterPrice = { model: "GRADUATED", included: "0", tiers: [{ upTo: null, unitPrice: "0.005" }] };
    expect(priceLine("1", half).amountCentavos).toBe(0);
    expect(priceLine("3", half).amountCentavos).toBe(2);
    // Summing per tier before rounding: three tiers of a third of a centavo each are one centavo, not zero.
    const thirds: MeterPrice = {
      model: "GRADUATED",
      included: "0",
      tiers: [
        { upTo: "1", unitPrice: "0.00333334" },
        { upTo: "2", unitPrice: "0.00333333" },
        { upTo: null, unitPrice: "0.00333333" },
      ],
    };
    expect(priceLine("3", thirds)).toMatchObject({ exactAmount: "0.01", amountCentavos: 1 });
  });

  it("works with fractional quantities", () => {
    const sum: MeterPrice = { model: "GRADUATED", included: "0.5", tiers: [{ upTo: null, unitPrice: "10" }] };
    expect(priceLine("2.25", sum)).toMatchObject({ billable: "1.75", exactAmount: "17.5", amountCentavos: 1750 });
  });
});

describe("volume tiers", () => {
  it("prices every billable unit at the tier the total falls in, bounds inclusive", () => {
    expect(priceLine("101000", volume)).toMatchObject({ billable: "100000", amountCentavos: 15_000 });
    expect(priceLine("101001", volume).tiers).toEqual([
      { from: "100000", upTo: "1000000", quantity: "100001", unitPrice: "0.0010", amount: "100.001" },
    ]);
    expect(priceLine("101001", volume).amountCentavos).toBe(10_000);
    expect(priceLine("0", volume)).toMatchObject({ tiers: [], amountCentavos: 0 });
  });
});

describe("package pricing", () => {
  it("buys whole packages: one unit over a boundary buys another", () => {
    expect(priceLine("1000", pkg)).toMatchObject({ amountCentavos: 250 });
    expect(priceLine("1001", pkg)).toMatchObject({ amountCentavos: 500 });
    expect(priceLine("0", pkg)).toMatchObject({ amountCentavos: 0, tiers: [] });
    expect(priceLine("2500", { ...pkg, included: "500" } as MeterPrice)).toMatchObject({ billable: "2000", amountCentavos: 500 });
  });
});

describe("unpriced meters", () => {
  it("show their quantity and cost nothing", () => {
    expect(priceLine("42", undefined)).toMatchObject({ quantity: "42", model: "UNPRICED", amountCentavos: 0 });
  });
});

describe("price specs", () => {
  const base = { baseFees: { SAAS: 100, MANAGED: 100, SELF_MANAGED: 100 } };
  it("refuse tiers out of order, an open tier before the last, floats and fractional centavos", () => {
    const bad = (meters: unknown) => zPriceSpec.safeParse({ ...base, meters }).success;
    expect(bad({ api_calls: graduated })).toBe(true);
    expect(
      bad({
        api_calls: {
          ...graduated,
          tiers: [
            { upTo: "10", unitPrice: "1" },
            { upTo: "5", unitPrice: "1" },
            { upTo: null, unitPrice: "1" },
          ],
        },
      }),
    ).toBe(false);
    expect(
      bad({
        api_calls: {
          ...graduated,
          tiers: [
            { upTo: null, unitPrice: "1" },
            { upTo: "5", unitPrice: "1" },
          ],
        },
      }),
    ).toBe(false);
    expect(bad({ api_calls: { ...graduated, tiers: [{ upTo: "5", unitPrice: "1" }] } })).toBe(false);
    expect(bad({ api_calls: { ...graduated, tiers: [{ upTo: null, unitPrice: 0.0015 }] } })).toBe(false);
    expect(bad({ api_calls: { ...pkg, packageSize: "0" } })).toBe(false);
    expect(zPriceSpec.safeParse({ baseFees: { SAAS: 10.5, MANAGED: 1, SELF_MANAGED: 1 }, meters: {} }).success).toBe(false);
  });
});
