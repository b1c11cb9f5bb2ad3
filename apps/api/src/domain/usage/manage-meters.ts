// Meters are data: Opus admins add them and retire them (a retired meter refuses new events; its
// past usage stays in reports). Codes never change once created: events and prices refer to them.
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";

export type NewMeter = { code: string; name: string; unit: string; aggregation: "COUNT" | "SUM" | "MAX" | "LATEST"; dimensions: string[] };

export async function createMeter(ctx: DomainContext, input: NewMeter) {
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.meter.createMany({ data: { ...input, source: "API" }, skipDuplicates: true });
    if (count === 0)
      throw new AppError("CONFLICT", `A meter with code "${input.code}" already exists.`, { fields: { code: "already used" } });
    const meter = await tx.meter.findUniqueOrThrow({ where: { code: input.code }, select: { id: true, code: true } });
    await tx.auditEvent.create({
      data: auditEntry(ctx, { action: "meter.created", targetType: "meter", targetId: meter.id, data: input }),
    });
    return meter;
  });
}

export async function retireMeter(ctx: DomainContext, input: { code: string }) {
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.meter.updateMany({ where: { code: input.code, retiredAt: null }, data: { retiredAt: ctx.clock.now() } });
    if (count === 0) {
      if (!(await tx.meter.findUnique({ where: { code: input.code }, select: { id: true } })))
        throw new AppError("NOT_FOUND", "Meter not found.");
      throw new AppError("INVALID_TRANSITION", "This meter is already retired.");
    }
    await tx.auditEvent.create({ data: auditEntry(ctx, { action: "meter.retired", targetType: "meter", targetId: input.code }) });
    return { code: input.code, retired: true };
  });
}
