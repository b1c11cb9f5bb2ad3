// Raw events are partitioned by São Paulo month; the migration prepared 2025–2027 and the worker keeps
// the next months ready, so events never land in the default partition.
import type { PublicDomainContext } from "../domain-context.ts";
import { addMonths, billingMonthOf } from "./sao-paulo-time.ts";

export const MONTHS_AHEAD = 3;

export async function ensureUsagePartitions(ctx: Pick<PublicDomainContext, "db" | "clock">) {
  const current = billingMonthOf(ctx.clock.now());
  for (let i = 0; i <= MONTHS_AHEAD; i++) {
    await ctx.db.$executeRawUnsafe("SELECT usage_ensure_partition($1)", addMonths(current, i));
  }
}
