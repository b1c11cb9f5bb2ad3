// Meters are data: Opus admins add them and retire them (a retired meter refuses new events; its
// past usage stays in reports). Codes never change once created: events and prices refer to them.
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";

export type NewMeter = { code: string; name: string; unit: string; aggregation: "COUNT" | "SUM" | "MAX" | "LATEST"; dimensions: string[] };

export async function createMeter(ctx: DomainContext, input: NewMeter) {
  return audited(ctx, ctx.db, async (tx) => {
    const { count } = await tx.meter.createMany({ data: { ...input, source: "API" }, skipDuplicates: true });
    if (count === 0)
      throw new AppError("CONFLICT", `A meter with code "${input.code}" already exists.`, { fields: { code: "already used" } });
    const meter = await tx.meter.findUniqueOrThrow({ where: { code: input.code }, select: { id: true, code: true } });
    return { result: meter, audit: { action: "meter.created", targetType: "meter", targetId: meter.id, data: input } };
  });
}

export async function retireMeter(ctx: DomainContext, input: { code: string }) {
  return audited(ctx, ctx.db, async (tx) => {
    const { count } = await tx.meter.updateMany({ where: { code: input.code, retiredAt: null }, data: { retiredAt: ctx.clock.now() } });
    if (count === 0) {
      if (!(await tx.meter.findUnique({ where: { code: input.code }, select: { id: true } })))
        throw new AppError("NOT_FOUND", "Meter not found.");
      throw new AppError("INVALID_TRANSITION", "This meter is already retired.");
    }
    return {
      result: { code: input.code, retired: true },
      audit: { action: "meter.retired", targetType: "meter", targetId: input.code, data: { code: input.code } },
    };
  });
}
