// Option lists that only the console has: page sizes, and the regions its catalogues can name.
// The server's value lists (statuses, modes, roles, kinds…) come from @opus/rules/enums.
import type { DatabaseSslMode } from "./router-types";

export const PAGE_SIZES = [10, 25, 50, 100] as const;

/** The value of `values` that equals `value` (a search parameter), typed; undefined otherwise. */
export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

/** Regions with a friendly name in the catalogues ("enums.saasRegion"); the regions on offer come from the API. */
export const NAMED_SAAS_REGIONS = ["sa-east-1", "southamerica-east1", "brazilsouth"] as const;

// Keyed by the API's own type, so a mode added there fails the console's type check until it is
// offered here too. Listed in the order the form offers them (require is the default).
const SSL_MODES: Record<DatabaseSslMode, true> = { require: true, "verify-full": true, disable: true };
export const DATABASE_SSL_MODES = Object.keys(SSL_MODES) as DatabaseSslMode[];
