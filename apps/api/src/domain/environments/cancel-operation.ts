// Cancels an operation: a queued one is cancelled here and now; a running one is flagged, and its
// worker (which checks on every heartbeat) aborts the engine and records CANCELLED.

import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { operationSelect, presentOperation } from "./operation-select.ts";
import { settleOperation } from "./settle-operation.ts";

export async function cancelOperation(ctx: DomainContext, input: { institutionId: string; operationId: string }) {
  const now = ctx.clock.now();
  const db = scopedDb(ctx, input.institutionId);
  const id = await audited(ctx, db, async (tx) => {
    // Scoped: another tenant's operation id is not found.
    const op = await tx.operation.findUnique({ where: { id: input.operationId }, select: { id: true, status: true } });
    if (!op) throw new AppError("NOT_FOUND", "Operation not found.");
    if (op.status !== "QUEUED" && op.status !== "RUNNING") {
      throw new AppError("INVALID_TRANSITION", `The operation already ended (${op.status.toLowerCase()}); there is nothing to cancel.`);
    }
    const target = { institutionId: input.institutionId, targetType: "operation", targetId: op.id };
    // Conditional updates: the status may change under us (claimed, finished) between read and write.
    const queued = await tx.operation.updateMany({
      where: { id: op.id, status: "QUEUED" },
      data: { status: "CANCELLED", cancelRequestedAt: now, finishedAt: now },
    });
    if (queued.count === 1) {
      const cancelled = await tx.operation.findUniqueOrThrow({ where: { id: op.id } });
      // One that already ran and waits for a retry may have left its environment PROVISIONING or
      // DESTROYING: settle it as a finished run would, and record that as this person's cancellation.
      const settled =
        cancelled.startedAt !== null
          ? await settleOperation(tx, cancelled, { type: "cancelled", error: null }, { now, log: ctx.log })
          : null;
      return { result: op.id, audit: settled ?? { action: "environment.operation_cancelled", ...target } };
    }
    const running = await tx.operation.updateMany({ where: { id: op.id, status: "RUNNING" }, data: { cancelRequestedAt: now } });
    if (running.count === 0) throw new AppError("INVALID_TRANSITION", "The operation ended before it could be cancelled.");
    return { result: op.id, audit: { action: "environment.operation_cancel_requested", ...target } };
  });
  const updated = await db.operation.findUniqueOrThrow({ where: { id }, select: operationSelect });
  return presentOperation(ctx.actor, updated);
}
