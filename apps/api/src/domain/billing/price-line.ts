// One meter's charge for a month: included quantity first, then the pricing model on what is left.
// Every intermediate amount is exact; the line is rounded to centavos once, at the end.
import { type Centavos, decimalText, Exact, exact, roundToCentavos } from "./money.ts";
import type { MeterPrice } from "./price-spec.ts";

export type TierLine = { from: string; upTo: string | null; quantity: string; unitPrice: string; amount: string };

export type PriceLine = {
  quantity: string;
  included: string;
  billable: string;
  model: MeterPrice["model"] | "UNPRICED";
  tiers: TierLine[];
  /** Exact amount in reais before the line's single rounding. */
  exactAmount: string;
  amountCentavos: Centavos;
};

const ZERO = new Exact(0);

export function priceLine(quantityText: string, price: MeterPrice | undefined): PriceLine {
  const quantity = exact(quantityText);
  if (!price) {
    return {
      quantity: decimalText(quantity),
      included: "0",
      billable: "0",
      model: "UNPRICED",
      tiers: [],
      exactAmount: "0",
      amountCentavos: 0,
    };
  }
  const included = exact(price.included);
  const billable = Exact.max(ZERO, quantity.minus(included));
  const tiers: TierLine[] = [];
  let total = ZERO;

  if (price.model === "PACKAGE") {
    // Whole packages: 1 unit over a package boundary buys another package.
    const packages = billable.dividedBy(exact(price.packageSize)).ceil();
    const amount = packages.times(exact(price.packagePrice));
    if (billable.gt(0)) {
      tiers.push({
        from: "0",
        upTo: null,
        quantity: decimalText(billable),
        unitPrice: `${price.packagePrice} per ${price.packageSize}`,
        amount: decimalText(amount),
      });
    }
    total = amount;
  } else if (price.model === "GRADUATED") {
    // Each tier prices the units that fall inside it: (previous upTo, upTo].
    let floor = ZERO;
    for (const tier of price.tiers) {
      const ceiling = tier.upTo === null ? null : exact(tier.upTo);
      const top = ceiling === null ? billable : Exact.min(billable, ceiling);
      const inTier = Exact.max(ZERO, top.minus(floor));
      if (inTier.gt(0)) {
        const amount = inTier.times(exact(tier.unitPrice));
        tiers.push({
          from: decimalText(floor),
          upTo: tier.upTo,
          quantity: decimalText(inTier),
          unitPrice: tier.unitPrice,
          amount: decimalText(amount),
        });
        total = total.plus(amount);
      }
      if (ceiling === null || billable.lte(ceiling)) break;
      floor = ceiling;
    }
  } else {
    // Volume: every billable unit at the price of the tier the total falls in (bounds inclusive).
    const index = price.tiers.findIndex((t) => t.upTo === null || billable.lte(exact(t.upTo)));
    const tier = price.tiers[index];
    if (tier && billable.gt(0)) {
      const amount = billable.times(exact(tier.unitPrice));
      const from = index > 0 ? (price.tiers[index - 1]?.upTo ?? "0") : "0";
      tiers.push({ from, upTo: tier.upTo, quantity: decimalText(billable), unitPrice: tier.unitPrice, amount: decimalText(amount) });
      total = amount;
    }
  }
  return {
    quantity: decimalText(quantity),
    included: decimalText(included),
    billable: decimalText(billable),
    model: price.model,
    tiers,
    exactAmount: decimalText(total),
    amountCentavos: roundToCentavos(total),
  };
}
