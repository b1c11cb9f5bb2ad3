// What an ended operation means for its environment: the status it moves to (through the state
// machine), the outputs it leaves, the tenant's derived status and the audit event. Called by the
// worker when a run ends and by a cancellation of an operation waiting for its retry, in the
// caller's transaction.
import { type Enums, Prisma } from "@opus/db/client";
import type { Operation } from "@opus/db/generated";
import type { EngineRunResult } from "@opus/provisioner/engine";
import type { Logger } from "../../logger.ts";
import type { AuditInput } from "../audit/record-audit.ts";
import { refreshInstitutionStatus } from "../institutions/refresh-institution-status.ts";
import { moveEnvironment } from "./environment-lifecycle.ts";

export type RunEnd =
  /** `spec`: where and what it deployed (a tenant spec, or what an agent's recorded run says). */
  | { type: "succeeded"; result: EngineRunResult; spec: DeployedSpec | null }
  | { type: "failed"; error: string }
  | { type: "cancelled"; error: string | null };

export type DeployedSpec = { target: { cluster: string }; release: { version: string } };

/** What settling reads of the operation. */
export type SettledOperation = Pick<Operation, "id" | "kind" | "environmentId" | "attempt">;

export type SettleContext = { now: Date; log: Logger };

/**
 * Returns the one audit event that records the end (null for a routine drift check that found
 * nothing new): the worker records it as the system's, a cancellation as the person's. Throws
 * AppError (INVALID_TRANSITION, CONFLICT) when the environment cannot take the move; the caller's
 * transaction rolls back.
 */
export async function settleOperation(
  tx: Prisma.TransactionClient,
  op: SettledOperation,
  end: RunEnd,
  ctx: SettleContext,
): Promise<AuditInput | null> {
  const { now } = ctx;
  const env = await tx.environment.findUniqueOrThrow({
    where: { id: op.environmentId },
    select: { id: true, status: true, institutionId: true, driftDetectedAt: true },
  });
  let to: Enums.EnvironmentStatus | null = null;
  const data: Prisma.EnvironmentUpdateManyMutationInput = {};
  let newDrift = false;

  if (end.type === "succeeded") {
    const { result, spec } = end;
    if (op.kind === "UP") {
      to = "ACTIVE";
      const namespace = typeof result.outputs.namespace === "string" ? result.outputs.namespace : undefined;
      // The engine reports the cluster's server version when it knows it: upgrades check it.
      const kubernetesVersion = typeof result.outputs.kubernetesVersion === "string" ? result.outputs.kubernetesVersion : undefined;
      Object.assign(data, {
        outputs: result.outputs as Prisma.InputJsonObject,
        failedOperationId: null,
        driftDetectedAt: null,
        ...(namespace ? { namespace } : {}),
        ...(kubernetesVersion ? { kubernetesVersion } : {}),
        ...(spec ? { cluster: spec.target.cluster, releaseVersion: spec.release.version } : {}),
      });
    } else if (op.kind === "DESTROY") {
      to = "DESTROYED";
      Object.assign(data, { outputs: Prisma.DbNull, failedOperationId: null });
    } else if (op.kind === "REFRESH") {
      newDrift = Boolean(result.driftDetected) && env.driftDetectedAt === null;
      Object.assign(data, { lastRefreshAt: now, driftDetectedAt: result.driftDetected ? (env.driftDetectedAt ?? now) : null });
    }
  } else if ((op.kind === "UP" || op.kind === "DESTROY") && (env.status === "PROVISIONING" || env.status === "DESTROYING")) {
    // Failed or cancelled part-way: the stack may be half changed, so the environment says FAILED
    // and points at the operation whose error explains it. (Previews and drift checks change
    // nothing, and a run that failed before it moved the environment leaves it where it was.)
    to = "FAILED";
    data.failedOperationId = op.id;
  }

  // Already there (a run resumed after its environment moved) is no move at all.
  const moves = to !== null && to !== env.status;
  if (to !== null && moves) await moveEnvironment(tx, ctx.log, { id: env.id, from: env.status, to }, data);
  else if (Object.keys(data).length > 0) await tx.environment.updateMany({ where: { id: env.id }, data });
  const statusChange = moves ? (await refreshInstitutionStatus(tx, env.institutionId, now)).statusChange : null;

  // A routine drift check that found nothing new is not an event worth keeping.
  const routine = end.type === "succeeded" && op.kind === "REFRESH" && !newDrift;
  if (routine) return null;
  return {
    action: `environment.operation_${end.type}`,
    institutionId: env.institutionId,
    targetType: "operation",
    targetId: op.id,
    data: {
      environmentId: env.id,
      kind: op.kind,
      attempt: op.attempt,
      ...(moves && to ? { environmentStatus: to } : {}),
      ...(end.type === "succeeded" ? { summary: end.result.summary } : { error: end.error }),
      ...(newDrift ? { driftDetected: true } : {}),
      ...(statusChange ? { statusChange } : {}),
    },
  };
}
