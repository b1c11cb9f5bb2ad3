import type { PublicDomainContext } from "../domain-context.ts";

const meterSelect = { code: true, name: true, unit: true, aggregation: true, dimensions: true } as const;

/** `reportable`: only live meters the machine API accepts (not those the control plane computes). */
export function listMeters(ctx: Pick<PublicDomainContext, "db">, options: { reportable: boolean }) {
  return ctx.db.meter.findMany({
    where: options.reportable ? { retiredAt: null, source: "API" } : {},
    orderBy: { code: "asc" },
    select: options.reportable ? meterSelect : { ...meterSelect, id: true, source: true, retiredAt: true },
  });
}
