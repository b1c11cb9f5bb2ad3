// The Open Finance Brasil API families, by regulatory phase (the API's list, ids only; the
// labels are in the catalogues under "enums.apiFamily"). The type check fails if the API adds a
// family this list does not show.
import type { ApiFamily } from "./router-types";

export const API_FAMILY_PHASES = [
  {
    phase: 1,
    families: [
      "channels",
      "products-services",
      "open-data-accounts",
      "open-data-credit-cards",
      "open-data-loans",
      "open-data-financings",
      "open-data-invoice-financings",
      "open-data-unarranged-overdraft",
    ],
  },
  {
    phase: 2,
    families: [
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
  },
  { phase: 3, families: ["payments-pix", "automatic-payments"] },
  { phase: 4, families: ["insurance", "pension", "capitalization", "investments", "exchange"] },
] as const satisfies readonly { phase: 1 | 2 | 3 | 4; families: readonly ApiFamily[] }[];

type Listed = (typeof API_FAMILY_PHASES)[number]["families"][number];
type Assert<T extends true> = T;
export type EveryFamilyListed = Assert<[Exclude<ApiFamily, Listed>] extends [never] ? true : false>;

export const ALL_API_FAMILIES: readonly ApiFamily[] = API_FAMILY_PHASES.flatMap((p) => p.families);
