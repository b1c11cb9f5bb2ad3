// The first step of a run: check the rules again (the tenant may have changed since the request)
// and move the environment to the status the operation implies, before any slow work, so the
// console shows PROVISIONING/DESTROYING while the engine runs.
import type { Db, Enums } from "@opus/db/client";
import type { Operation } from "@opus/db/generated";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { refreshInstitutionStatus } from "../domain/institutions/refresh-institution-status.ts";
import { NotRetryableError } from "./not-retryable.ts";
import { refusalFor } from "./operations/operation-rules.ts";
import { ownedBy } from "./queue.ts";
import { SYSTEM_SOURCE } from "./worker-deps.ts";

/** "nothing-to-destroy": the environment was never provisioned (PENDING), so there is no stack. */
export async function startOperation(db: Db, op: Operation, workerId: string, now: Date): Promise<"run" | "nothing-to-destroy"> {
  return db.$transaction(async (tx) => {
    const env = await tx.environment.findUniqueOrThrow({
      where: { id: op.environmentId },
      select: {
        id: true,
        kind: true,
        status: true,
        institution: { select: { id: true, slug: true, status: true, deploymentMode: true, retentionUntil: true } },
      },
    });
    const refusal = refusalFor(op.kind, env.institution, env, now);
    if (refusal) throw new NotRetryableError(refusal.message);
    if (op.kind === "DESTROY" && env.status === "PENDING") return "nothing-to-destroy";

    const target: Enums.EnvironmentStatus | null = op.kind === "UP" ? "PROVISIONING" : op.kind === "DESTROY" ? "DESTROYING" : null;
    if (target && env.status !== target) {
      // Only while this worker still owns the operation.
      const moved = await tx.operation.count({ where: ownedBy(op.id, workerId) });
      if (moved === 1) {
        await tx.environment.update({ where: { id: env.id }, data: { status: target } });
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
