// Records how a run ended: the operation row, then (through the domain) the environment it changed,
// the tenant's derived status and an audit event, in one transaction, fenced on the worker's lease
// (a worker that lost its lease writes nothing).
import type { Db, Prisma } from "@opus/db/client";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { SYSTEM_SOURCE } from "../domain/audit/system-source.ts";
import { type RunEnd, type SettleContext, type SettledOperation, settleOperation } from "../domain/environments/settle-operation.ts";
import { AppError } from "../errors/app-error.ts";
import type { Logger } from "../logger.ts";
import { ownedBy } from "./queue.ts";

type FinishedOperation = SettledOperation & { stackName: string; releaseVersion: string | null };

export type Outcome =
  | RunEnd
  | { type: "retry"; error: string; runAfter: Date; countsAsAttempt: boolean }
  /** Shutdown: leave it RUNNING without an owner, so another worker takes it over at once and repairs first. */
  | { type: "released" }
  /** Another worker owns it now: touch nothing. */
  | { type: "lost" };

class LeaseLost extends Error {}

/** "lease-lost": another worker owns the run (or it already ended); nothing was written. */
export async function finishOperation(
  db: Db,
  log: Logger,
  op: FinishedOperation,
  workerId: string,
  outcome: Outcome,
  now: Date,
): Promise<"recorded" | "lease-lost"> {
  if (outcome.type === "lost") return "lease-lost";
  const owned = (tx: Prisma.TransactionClient, data: Prisma.OperationUpdateManyMutationInput) =>
    tx.operation.updateMany({ where: ownedBy(op.id, workerId), data }).then((r) => {
      if (r.count !== 1) throw new LeaseLost();
    });
  const settle = { now, log };
  try {
    await db.$transaction(async (tx) => {
      switch (outcome.type) {
        case "released":
          return owned(tx, { lockedBy: null, heartbeatAt: null, attempt: { decrement: 1 } });
        case "retry":
          return owned(tx, {
            status: "QUEUED",
            lockedBy: null,
            heartbeatAt: null,
            runAfter: outcome.runAfter,
            // Shown while it waits, so nobody wonders why it is queued again.
            error: outcome.error,
            ...(outcome.countsAsAttempt ? {} : { attempt: { decrement: 1 } }),
          });
        case "succeeded": {
          const { summary, outputs } = outcome.result;
          // The release it deployed is recorded on the operation: what a rollout reads as "running".
          const releaseVersion = op.kind === "UP" && outcome.spec ? outcome.spec.release.version : op.releaseVersion;
          await owned(tx, {
            status: "SUCCEEDED",
            finishedAt: now,
            error: null,
            summary,
            outputs: outputs as Prisma.InputJsonObject,
            releaseVersion,
          });
          return settleAndRecord(tx, op, outcome, settle);
        }
        case "failed":
          await owned(tx, { status: "FAILED", finishedAt: now, error: outcome.error });
          return settleAndRecord(tx, op, outcome, settle);
        case "cancelled":
          await owned(tx, { status: "CANCELLED", finishedAt: now, error: outcome.error });
          return settleAndRecord(tx, op, outcome, settle);
      }
    });
  } catch (error) {
    if (error instanceof LeaseLost) return "lease-lost";
    if (!(error instanceof AppError) || outcome.type === "released" || outcome.type === "retry") throw error;
    // The environment refused the move the run implies (an illegal transition, or it changed
    // meanwhile): the run's own end is rolled back with it. Record the operation as failed with
    // both facts, and leave the environment as it is, so the refusal is visible, not lost.
    const ended = outcome.type === "succeeded" ? "succeeded" : outcome.type === "failed" ? "failed" : "was cancelled";
    const why = outcome.type !== "succeeded" && outcome.error ? ` (${outcome.error})` : "";
    const message = `The run ${ended}${why}, but its environment could not be updated: ${error.message}`;
    log.error({ operationId: op.id, stack: op.stackName, err: error }, "operation ended but its environment refused the move");
    return recordRefusal(db, op, message, now, owned).then(
      () => "recorded" as const,
      (again: unknown) => {
        if (again instanceof LeaseLost) return "lease-lost" as const;
        throw again;
      },
    );
  }
  return "recorded";
}

async function recordRefusal(
  db: Db,
  op: FinishedOperation,
  message: string,
  now: Date,
  owned: (tx: Prisma.TransactionClient, data: Prisma.OperationUpdateManyMutationInput) => Promise<void>,
) {
  await db.$transaction(async (tx) => {
    await owned(tx, { status: "FAILED", finishedAt: now, error: message });
    const env = await tx.environment.findUniqueOrThrow({ where: { id: op.environmentId }, select: { institutionId: true } });
    await recordAudit(tx, SYSTEM_SOURCE, {
      action: "environment.operation_failed",
      institutionId: env.institutionId,
      targetType: "operation",
      targetId: op.id,
      data: { environmentId: op.environmentId, kind: op.kind, attempt: op.attempt, error: message },
    });
  });
}

/** The worker records how a run ended as the system's one event for it. */
async function settleAndRecord(tx: Prisma.TransactionClient, op: SettledOperation, end: RunEnd, ctx: SettleContext) {
  const event = await settleOperation(tx, op, end, ctx);
  if (event) await recordAudit(tx, SYSTEM_SOURCE, event);
}
