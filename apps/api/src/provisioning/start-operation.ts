// The first step of a run: check the rules again (the tenant may have changed since the request)
// and move the environment to the status the operation implies, before any slow work, so the
// console shows PROVISIONING/DESTROYING while the engine runs.
import type { Db, Enums } from "@opus/db/client";
import type { Operation } from "@opus/db/generated";
import { operationRefusal } from "@opus/rules/environment-operations";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { SYSTEM_SOURCE } from "../domain/audit/system-source.ts";
import { moveEnvironment } from "../domain/environments/environment-lifecycle.ts";
import { refreshInstitutionStatus } from "../domain/institutions/refresh-institution-status.ts";
import type { Logger } from "../logger.ts";
import { NotRetryableError } from "./not-retryable.ts";

/**
 * "nothing-to-destroy": the environment was never provisioned (PENDING), so there is no stack.
 * A move the state machine refuses, or one that lost a race, throws AppError: the run fails with its message.
 */
export async function startOperation(
  db: Db,
  log: Logger,
  op: Pick<Operation, "id" | "kind" | "environmentId">,
  workerId: string,
  now: Date,
): Promise<"run" | "nothing-to-destroy"> {
  return db.$transaction(async (tx) => {
    // Ownership first, holding the operation's row: a takeover (whose UPDATE needs that row) then
    // waits for this transaction, and reads the environment as this one leaves it. Checked without
    // the lock, a worker whose lease was just taken moved the environment under its successor,
    // whose own move then failed as a concurrent change and failed the whole operation.
    const owned = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "operation" WHERE id = ${op.id} AND "lockedBy" = ${workerId} AND status = 'RUNNING' FOR UPDATE`;
    const env = await tx.environment.findUniqueOrThrow({
      where: { id: op.environmentId },
      select: {
        id: true,
        kind: true,
        status: true,
        institution: { select: { id: true, slug: true, status: true, deploymentMode: true, retentionUntil: true } },
      },
    });
    const refusal = operationRefusal(op.kind, env.institution, env, now);
    if (refusal) throw new NotRetryableError(refusal.message);
    if (op.kind === "DESTROY" && env.status === "PENDING") return "nothing-to-destroy";

    const target: Enums.EnvironmentStatus | null = op.kind === "UP" ? "PROVISIONING" : op.kind === "DESTROY" ? "DESTROYING" : null;
    if (target && env.status !== target) {
      // Only while this worker still owns the operation.
      if (owned.length === 1) {
        await moveEnvironment(tx, log, { id: env.id, from: env.status, to: target });
        const { statusChange } = await refreshInstitutionStatus(tx, env.institution.id, now);
        await recordAudit(tx, SYSTEM_SOURCE, {
          action: "environment.operation_started",
          institutionId: env.institution.id,
          targetType: "operation",
          targetId: op.id,
          data: { environmentId: env.id, kind: op.kind, environmentStatus: target, ...(statusChange ? { statusChange } : {}) },
        });
      }
    }
    return "run";
  });
}
