import type { PublicDomainContext } from "../domain-context.ts";

const meterSelect = { code: true, name: true, unit: true, aggregation: true, dimensions: true } as const;

/** The live meters the machine API accepts (not those the control plane computes itself). */
export function listReportableMeters(ctx: Pick<PublicDomainContext, "db">) {
  return ctx.db.meter.findMany({ where: { retiredAt: null, source: "API" }, orderBy: { code: "asc" }, select: meterSelect });
}

/** Every meter, live and retired, with who reports it: the console's catalogue and price forms. */
export function listAllMeters(ctx: Pick<PublicDomainContext, "db">) {
  return ctx.db.meter.findMany({ orderBy: { code: "asc" }, select: { ...meterSelect, id: true, source: true, retiredAt: true } });
}
