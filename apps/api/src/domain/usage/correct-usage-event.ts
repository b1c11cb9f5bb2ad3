// Opus billing voids or amends an event before its month is finalized. The original row is kept
// (marked voided); an amendment adds a row with the same id and the new quantity. The event's hourly
// and daily rollup rows are recomputed from the raw events, under the institution's exclusive usage
// lock (no batch can touch them meanwhile, and finalization waits). Audited, with a reason.
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { billingMonthOf } from "./sao-paulo-time.ts";
import { exclusiveUsageLock } from "./usage-lock.ts";

export type CorrectionInput = {
  institutionId: string;
  eventId: string;
  action: "void" | "amend";
  quantity?: string | undefined;
  reason: string;
};

type EventRow = { meter_id: string; environment_id: string; group_key: string; occurred_at: Date; quantity: string; dimensions: unknown };

const SP = "'America/Sao_Paulo'";

// Rebuilds one rollup row from the live (not voided) raw events of its bucket: delete, then insert
// (two statements: the sub-statements of one would run in no defined order).
function rebuild(table: string, bucket: string, bucketExpr: string, from: string, to: string) {
  const remove = `DELETE FROM ${table} WHERE institution_id = $1 AND meter_id = $2 AND environment_id = $3 AND group_key = $4 AND ${bucket} = ${bucketExpr}`;
  const insert = `INSERT INTO ${table} (institution_id, meter_id, environment_id, ${bucket}, group_key, event_count, quantity_sum, quantity_max, latest_quantity, latest_at)
    SELECT $1, $2, $3, ${bucketExpr}, $4, count(*), sum(quantity), max(quantity),
           (array_agg(quantity ORDER BY occurred_at DESC, quantity DESC))[1], max(occurred_at)
    FROM usage_event
    WHERE institution_id = $1 AND meter_id = $2 AND environment_id = $3 AND group_key = $4 AND voided_at IS NULL
      AND occurred_at >= ${from} AND occurred_at < ${to}
    HAVING count(*) > 0`;
  return [remove, insert] as const;
}

const REBUILD_HOURLY = rebuild(
  "usage_rollup_hourly",
  "hour",
  "date_trunc('hour', $5::timestamptz, 'UTC')",
  "date_trunc('hour', $5::timestamptz, 'UTC')",
  "date_trunc('hour', $5::timestamptz, 'UTC') + interval '1 hour'",
);
const DAY = `($5::timestamptz AT TIME ZONE ${SP})::date`;
const REBUILD_DAILY = rebuild(
  "usage_rollup_daily",
  "day",
  DAY,
  `(${DAY}::timestamp AT TIME ZONE ${SP})`,
  `((${DAY} + 1)::timestamp AT TIME ZONE ${SP})`,
);

export async function correctUsageEvent(ctx: DomainContext, input: CorrectionInput) {
  if (input.action === "amend" && input.quantity === undefined) {
    throw new AppError("BAD_INPUT", "An amendment needs the new quantity.", { fields: { quantity: "is required to amend" } });
  }
  return ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw(exclusiveUsageLock(input.institutionId));
    const [key] = await tx.$queryRawUnsafe<{ occurred_at: Date }[]>(
      "SELECT occurred_at FROM usage_event_key WHERE institution_id = $1 AND event_id = $2",
      input.institutionId,
      input.eventId,
    );
    if (!key) throw new AppError("NOT_FOUND", "No such usage event for this institution.");
    const month = billingMonthOf(key.occurred_at);
    const finalized = await tx.usageReport.findUnique({
      where: { institutionId_month: { institutionId: input.institutionId, month } },
      select: { id: true },
    });
    if (finalized) throw new AppError("PRECONDITION_FAILED", `The ${month} report is finalized: its events can no longer be corrected.`);
    // Compare-and-set on the live row: a second void of the same event finds nothing to void.
    const [voided] = await tx.$queryRawUnsafe<EventRow[]>(
      `UPDATE usage_event SET voided_at = $4 WHERE institution_id = $1 AND event_id = $2 AND occurred_at = $3 AND voided_at IS NULL
       RETURNING meter_id, environment_id, group_key, occurred_at, quantity::text AS quantity, dimensions`,
      input.institutionId,
      input.eventId,
      key.occurred_at,
      ctx.clock.now(),
    );
    if (!voided) throw new AppError("INVALID_TRANSITION", "This event was already voided.");
    if (input.action === "amend") {
      await tx.$executeRawUnsafe(
        `INSERT INTO usage_event (institution_id, event_id, meter_id, environment_id, quantity, occurred_at, dimensions, group_key, received_at, amends_event_id)
         VALUES ($1, $2, $3, $4, $5::numeric, $6, $7::jsonb, $8, $9, $2)`,
        input.institutionId,
        input.eventId,
        voided.meter_id,
        voided.environment_id,
        input.quantity,
        voided.occurred_at,
        JSON.stringify(voided.dimensions),
        voided.group_key,
        ctx.clock.now(),
      );
    }
    const bucket = [input.institutionId, voided.meter_id, voided.environment_id, voided.group_key, voided.occurred_at] as const;
    for (const statement of [...REBUILD_HOURLY, ...REBUILD_DAILY]) await tx.$executeRawUnsafe(statement, ...bucket);
    const correction = await tx.usageCorrection.create({
      data: {
        institutionId: input.institutionId,
        eventId: input.eventId,
        kind: input.action,
        oldQuantity: voided.quantity,
        newQuantity: input.action === "amend" ? (input.quantity ?? null) : null,
        reason: input.reason,
        correctedById: ctx.actor.userId,
      },
      select: { id: true },
    });
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: input.action === "void" ? "usage_event.voided" : "usage_event.amended",
        institutionId: input.institutionId,
        targetType: "usage_event",
        targetId: input.eventId,
        data: {
          month,
          oldQuantity: voided.quantity,
          newQuantity: input.quantity ?? null,
          reason: input.reason,
          correctionId: correction.id,
        },
      }),
    });
    return { eventId: input.eventId, action: input.action, month };
  });
}
