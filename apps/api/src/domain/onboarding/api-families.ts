// The Open Finance Brasil API families an institution can expose, grouped by regulatory phase
// (see shared DOMAIN.md). Ids are stable; labels live in the console's translation catalogue.
export const API_FAMILIES = {
  1: [
    "channels",
    "products-services",
    "open-data-accounts",
    "open-data-credit-cards",
    "open-data-loans",
    "open-data-financings",
    "open-data-invoice-financings",
    "open-data-unarranged-overdraft",
  ],
  2: [
    "consents",
    "resources",
    "customers",
    "accounts",
    "credit-cards-accounts",
    "loans",
    "financings",
    "unarranged-accounts-overdraft",
    "invoice-financings",
  ],
  3: ["payments-pix", "automatic-payments"],
  4: ["insurance", "pension", "capitalization", "investments", "exchange"],
} as const satisfies Record<1 | 2 | 3 | 4, readonly string[]>;

export type ApiFamily = (typeof API_FAMILIES)[keyof typeof API_FAMILIES][number];

export const ALL_API_FAMILIES: readonly ApiFamily[] = Object.values(API_FAMILIES).flat();
