// Rolls one environment, or every upgraded (or failed) environment of a wave, back to the release
// it ran before the rollout: an UP of that release per environment, at once (a rollback is the fix,
// so it does not wait for a window). The orchestrator records the end from the operation.

import type { Enums, Prisma } from "@opus/db/client";
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { enqueueOperation } from "../environments/enqueue-operation.ts";

export async function rollback(
  ctx: DomainContext,
  input: { rolloutId: string; environmentId?: string | undefined; position?: number | undefined },
) {
  authorize(ctx.actor, "releases.manage");
  if ((input.environmentId === undefined) === (input.position === undefined)) {
    throw new AppError("BAD_INPUT", "Roll back either one environment or one wave.");
  }
  const now = ctx.clock.now();
  return audited(
    ctx,
    ctx.db,
    async (tx) => {
      const rollout = await tx.rollout.findUnique({ where: { id: input.rolloutId }, include: { waves: true } });
      if (!rollout) throw new AppError("NOT_FOUND", "Rollout not found.");
      const wave = input.position === undefined ? null : rollout.waves.find((w) => w.position === input.position);
      if (input.position !== undefined && !wave) throw new AppError("NOT_FOUND", `The rollout has no wave ${input.position + 1}.`);
      const targets = await tx.rolloutTarget.findMany({
        where: {
          rolloutId: rollout.id,
          status: { in: ["UPGRADED", "FAILED"] },
          selfManaged: false,
          ...(input.environmentId ? { environmentId: input.environmentId } : { waveId: wave?.id ?? "" }),
        },
      });
      if (targets.length === 0) throw new AppError("PRECONDITION_FAILED", "Nothing to roll back: no upgraded or failed environment there.");
      const refusal = await rollbackRefusal(tx, targets);
      if (refusal) throw new AppError("PRECONDITION_FAILED", refusal);
      for (const t of targets) {
        if (!(await startRollback(tx, now, { ...t, fromReleaseVersion: t.fromReleaseVersion as string }, ctx.actor.userId)))
          throw new AppError("CONFLICT", "An environment there changed meanwhile; look again.");
      }
      return {
        result: { rolledBack: targets.length },
        audit: {
          action: "rollout.rollback_requested",
          targetType: "rollout",
          targetId: rollout.id,
          data: { count: String(targets.length), environments: targets.map((t) => t.environmentId) },
        },
      };
    },
    { timeout: 60_000 },
  );
}

/** Why these targets cannot go back to what they ran before (nothing recorded, or a release no longer in the registry). */
export async function rollbackRefusal(tx: Prisma.TransactionClient, targets: { fromReleaseVersion: string | null }[]) {
  const versions = [...new Set(targets.map((t) => t.fromReleaseVersion))];
  if (versions.includes(null)) return "An environment there ran no recorded release before: there is nothing to go back to.";
  const known = await tx.release.findMany({ where: { version: { in: versions as string[] } }, select: { version: true } });
  const missing = versions.filter((v) => !known.some((k) => k.version === v));
  return missing.length ? `Release ${missing.join(", ")} is not in the registry, so it cannot be deployed again.` : null;
}

type RollbackTarget = {
  id: string;
  status: Enums.RolloutTargetStatus;
  attempt: number;
  environmentId: string;
  fromReleaseVersion: string;
};

/**
 * Queues the deploy of the release a target ran before and moves it to ROLLING_BACK (compare-and-set
 * on its status); false when it moved meanwhile. A person's rollback and the health gate's automatic
 * one both go through here, so both are keyed, recorded and reconciled the same way.
 */
export async function startRollback(tx: Prisma.TransactionClient, now: Date, t: RollbackTarget, requestedById: string | null) {
  const { operation } = await enqueueOperation(
    tx,
    { now },
    {
      environmentId: t.environmentId,
      kind: "UP",
      idempotencyKey: `rollback:${t.id}:${t.attempt}`,
      releaseVersion: t.fromReleaseVersion,
      requestedById,
    },
  );
  const moved = await tx.rolloutTarget.updateMany({
    where: { id: t.id, status: t.status },
    data: { status: "ROLLING_BACK", operationId: operation.id, startedAt: now, finishedAt: null, error: null },
  });
  return moved.count === 1;
}
