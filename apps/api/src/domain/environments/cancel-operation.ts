// Cancels an operation: a queued one is cancelled here and now; a running one is flagged, and its
// worker (which checks on every heartbeat) aborts the engine and records CANCELLED.

import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { operationSelect, scopedOperation, withDuration } from "./operation-select.ts";
import { settleOperation } from "./settle-operation.ts";

export async function cancelOperation(ctx: DomainContext, input: { institutionId: string; operationId: string }) {
  const now = ctx.clock.now();
  const op = await ctx.db.operation.findFirst({
    where: scopedOperation(input.institutionId, input.operationId),
    select: { id: true, status: true },
  });
  if (!op) throw new AppError("NOT_FOUND", "Operation not found.");
  if (op.status !== "QUEUED" && op.status !== "RUNNING") {
    throw new AppError("INVALID_TRANSITION", `The operation already ended (${op.status.toLowerCase()}); there is nothing to cancel.`);
  }
  await ctx.db.$transaction(async (tx) => {
    // Conditional updates: the status may change under us (claimed, finished) between read and write.
    const queued = await tx.operation.updateMany({
      where: { id: op.id, status: "QUEUED" },
      data: { status: "CANCELLED", cancelRequestedAt: now, finishedAt: now },
    });
    if (queued.count === 1) {
      const cancelled = await tx.operation.findUniqueOrThrow({ where: { id: op.id } });
      // One that already ran and waits for a retry may have left its environment PROVISIONING or
      // DESTROYING: settle it as a finished run would (this audits the cancellation too).
      if (cancelled.startedAt !== null) {
        return settleOperation(tx, cancelled, { type: "cancelled", error: null }, { now, source: ctx, log: ctx.log });
      }
      const audit = {
        action: "environment.operation_cancelled",
        institutionId: input.institutionId,
        targetType: "operation",
        targetId: op.id,
      };
      await tx.auditEvent.create({ data: auditEntry(ctx, audit) });
      return;
    }
    const running = await tx.operation.updateMany({ where: { id: op.id, status: "RUNNING" }, data: { cancelRequestedAt: now } });
    if (running.count === 0) throw new AppError("INVALID_TRANSITION", "The operation ended before it could be cancelled.");
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "environment.operation_cancel_requested",
        institutionId: input.institutionId,
        targetType: "operation",
        targetId: op.id,
      }),
    });
  });
  const updated = await ctx.db.operation.findUniqueOrThrow({ where: { id: op.id }, select: operationSelect });
  return withDuration(updated);
}
