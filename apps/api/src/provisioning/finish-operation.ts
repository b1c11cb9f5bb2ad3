// Records how a run ended: the operation row, the environment it changed, the tenant's derived
// status and an audit event, in one transaction, fenced on the worker's lease (a worker that lost
// its lease writes nothing).
import { type Db, type Enums, Prisma } from "@opus/db/client";
import type { Operation } from "@opus/db/generated";
import type { EngineRunResult } from "@opus/provisioner/engine";
import type { TenantEnvironmentSpec } from "@opus/provisioner/spec";
import { type AuditInput, recordAudit } from "../domain/audit/record-audit.ts";
import { canTransitionEnvironment } from "../domain/institutions/environment-lifecycle.ts";
import { refreshInstitutionStatus } from "../domain/institutions/refresh-institution-status.ts";
import { ownedBy } from "./queue.ts";
import { SYSTEM_SOURCE } from "./worker-deps.ts";

export type Outcome =
  | { type: "succeeded"; result: EngineRunResult; spec: TenantEnvironmentSpec | null }
  | { type: "failed"; error: string }
  | { type: "retry"; error: string; runAfter: Date; countsAsAttempt: boolean }
  | { type: "cancelled"; error: string | null }
  /** Shutdown: leave it RUNNING without an owner, so another worker takes it over at once and repairs first. */
  | { type: "released" }
  /** Another worker owns it now: touch nothing. */
  | { type: "lost" };

class LeaseLost extends Error {}

export async function finishOperation(db: Db, op: Operation, workerId: string, outcome: Outcome, now: Date): Promise<void> {
  if (outcome.type === "lost") return;
  try {
    await db.$transaction(async (tx) => {
      const owned = (data: Prisma.OperationUpdateManyMutationInput) =>
        tx.operation.updateMany({ where: ownedBy(op.id, workerId), data }).then((r) => {
          if (r.count !== 1) throw new LeaseLost();
        });
      switch (outcome.type) {
        case "released":
          return owned({ lockedBy: null, heartbeatAt: null, attempt: { decrement: 1 } });
        case "retry":
          return owned({
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
          await owned({ status: "SUCCEEDED", finishedAt: now, error: null, summary, outputs: outputs as Prisma.InputJsonObject });
          return settleAndRecord(tx, op, outcome, now);
        }
        case "failed":
          await owned({ status: "FAILED", finishedAt: now, error: outcome.error });
          return settleAndRecord(tx, op, outcome, now);
        case "cancelled":
          await owned({ status: "CANCELLED", finishedAt: now, error: outcome.error });
          return settleAndRecord(tx, op, outcome, now);
      }
    });
  } catch (error) {
    if (!(error instanceof LeaseLost)) throw error;
  }
}

type Settled = Extract<Outcome, { type: "succeeded" | "failed" | "cancelled" }>;

async function settleAndRecord(tx: Prisma.TransactionClient, op: Operation, outcome: Settled, now: Date) {
  const event = await settleEnvironment(tx, op, outcome, now);
  if (event) await recordAudit(tx, SYSTEM_SOURCE, event);
}

/**
 * Applies an ended operation to its environment and the tenant's status, and returns the one audit
 * event that records it (null for a routine drift check that found nothing new). The worker records
 * it as the system; a person's cancellation records it as theirs.
 */
export async function settleEnvironment(
  tx: Prisma.TransactionClient,
  op: Operation,
  outcome: Settled,
  now: Date,
): Promise<AuditInput | null> {
  const env = await tx.environment.findUniqueOrThrow({
    where: { id: op.environmentId },
    select: { id: true, status: true, institutionId: true, driftDetectedAt: true },
  });
  const data: Prisma.EnvironmentUpdateInput = {};
  const move = (to: Enums.EnvironmentStatus) => {
    if (env.status !== to && canTransitionEnvironment(env.status, to)) data.status = to;
  };
  let newDrift = false;

  if (outcome.type === "succeeded") {
    const { result, spec } = outcome;
    if (op.kind === "UP") {
      move("ACTIVE");
      const namespace = typeof result.outputs.namespace === "string" ? result.outputs.namespace : undefined;
      Object.assign(data, {
        outputs: result.outputs as Prisma.InputJsonObject,
        failedOperationId: null,
        driftDetectedAt: null,
        ...(namespace ? { namespace } : {}),
        ...(spec ? { cluster: spec.target.cluster, releaseVersion: spec.release.version } : {}),
      });
    } else if (op.kind === "DESTROY") {
      move("DESTROYED");
      Object.assign(data, { outputs: Prisma.DbNull, failedOperationId: null });
    } else if (op.kind === "REFRESH") {
      newDrift = Boolean(result.driftDetected) && env.driftDetectedAt === null;
      Object.assign(data, { lastRefreshAt: now, driftDetectedAt: result.driftDetected ? (env.driftDetectedAt ?? now) : null });
    }
  } else if (op.kind === "UP" || op.kind === "DESTROY") {
    // Failed or cancelled part-way: the stack may be half changed, so the environment says FAILED
    // and points at the operation whose error explains it. (Previews and drift checks change nothing.)
    if (env.status === "PROVISIONING" || env.status === "DESTROYING") {
      move("FAILED");
      data.failedOperationId = op.id;
    }
  }

  if (Object.keys(data).length > 0) await tx.environment.update({ where: { id: env.id }, data });
  const statusChange = data.status ? (await refreshInstitutionStatus(tx, env.institutionId, now)).statusChange : null;

  // A routine drift check that found nothing new is not an event worth keeping.
  const routine = outcome.type === "succeeded" && op.kind === "REFRESH" && !newDrift;
  if (routine) return null;
  return {
    action: `environment.operation_${outcome.type}`,
    institutionId: env.institutionId,
    targetType: "operation",
    targetId: op.id,
    data: {
      environmentId: env.id,
      kind: op.kind,
      attempt: op.attempt,
      ...(data.status ? { environmentStatus: data.status as string } : {}),
      ...(outcome.type === "succeeded" ? { summary: outcome.result.summary } : { error: outcome.error }),
      ...(newDrift ? { driftDetected: true } : {}),
      ...(statusChange ? { statusChange } : {}),
    },
  };
}
