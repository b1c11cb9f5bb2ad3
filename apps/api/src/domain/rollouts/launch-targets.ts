// A running wave's launches: which waiting targets may start now (in the plan's order, within the
// free slots, inside their windows and outside freezes), and starting them: their operations
// enqueued in one batch and the targets claimed in one compare-and-set, in the orchestrator's
// transaction. A step's statements no longer grow with the wave's size.
import type { Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import { enqueueOperations } from "../environments/enqueue-operations.ts";
import { scheduleOf, upgradeEnvironmentOf, upgradeFactsSelect } from "../releases/environment-release.ts";
import { eligibility, type Freeze } from "../releases/maintenance-windows.ts";
import { type UpgradeRelease, upgradeVerdict } from "../releases/upgrade-refusal.ts";

type Tx = Prisma.TransactionClient;
/** What launching reads of the rollout. */
type LaunchingRollout = { release: UpgradeRelease; releaseVersion: string; previewFirst: boolean };

type Candidate = { id: string; attempt: number; environmentId: string };

/**
 * The next waiting targets in the plan's order that may start now, at most `slots` of them. Reads
 * a page at a time, so a step reads about as many targets as it has free slots, plus those that
 * turn out to wait (outside their window, frozen), instead of the whole wave. A waiting one says
 * why; one the release refuses is skipped.
 */
export async function chooseLaunches(
  tx: Tx,
  rollout: LaunchingRollout,
  wave: { id: string },
  slots: number,
  { now, fleetFreezes, saasKubernetes }: { now: Date; fleetFreezes: Freeze[]; saasKubernetes: Readonly<Record<string, string>> },
) {
  const launches: Candidate[] = [];
  let changes = 0;
  let after = -1;
  for (;;) {
    const take = Math.max(slots - launches.length, MIN_PAGE);
    const page = await tx.rolloutTarget.findMany({
      where: { waveId: wave.id, status: "WAITING", position: { gt: after } },
      orderBy: { position: "asc" },
      take,
      select: { id: true, attempt: true, reason: true, position: true, environment: { select: upgradeFactsSelect } },
    });
    for (const t of page) {
      after = t.position;
      const env = t.environment;
      const state = eligibility(scheduleOf(env), fleetFreezes, now);
      if (!state.eligible) {
        // Waiting is not failing: it says why, and the wave goes on with the others.
        if (t.reason !== state.reason)
          await tx.rolloutTarget.updateMany({ where: { id: t.id, status: "WAITING" }, data: { reason: state.reason } });
        continue;
      }
      const verdict = upgradeVerdict(upgradeEnvironmentOf(env, saasKubernetes), rollout.release);
      if (verdict.kind === "refused") {
        changes += await claimWaiting(tx, t, { status: "SKIPPED", reason: verdict.reason, finishedAt: now });
        continue;
      }
      launches.push({ id: t.id, attempt: t.attempt, environmentId: env.id });
      if (launches.length === slots) return { launches, changes };
    }
    if (page.length < take) return { launches, changes };
  }
}

/** A page of waiting targets is never smaller than this (a wave with one free slot and many waiting). */
const MIN_PAGE = 32;

/** Compare-and-set on a waiting target as it was read (its attempt: a resume may have retried it meanwhile). */
async function claimWaiting(tx: Tx, t: { id: string; attempt: number }, data: Prisma.RolloutTargetUpdateManyMutationInput) {
  return (await tx.rolloutTarget.updateMany({ where: { id: t.id, status: "WAITING", attempt: t.attempt }, data })).count;
}

/**
 * Enqueues the chosen targets' operations in one batch and claims them in one compare-and-set
 * (WAITING at the attempt read → UPGRADING with its operation): if any of them moved meanwhile the
 * whole step rolls back, its operations with it, and the next step decides again.
 */
export async function launchTargets(tx: Tx, rollout: LaunchingRollout, launches: Candidate[], now: Date): Promise<number> {
  if (launches.length === 0) return 0;
  const kind = rollout.previewFirst ? "PREVIEW" : "UP";
  const results = await enqueueOperations(
    tx,
    { now },
    launches.map((t) => ({
      environmentId: t.environmentId,
      kind,
      idempotencyKey: `rollout:${t.id}:${t.attempt}:${kind.toLowerCase()}`,
      releaseVersion: rollout.releaseVersion,
    })),
  );
  let changes = 0;
  const started: (Candidate & { operationId: string })[] = [];
  for (const [i, t] of launches.entries()) {
    const result = results[i];
    if (result?.operation) started.push({ ...t, operationId: result.operation.id });
    // The operation rules refuse it (the tenant was suspended meanwhile): a failure of this environment, with the reason.
    else if (result?.refused) changes += await claimWaiting(tx, t, { status: "FAILED", error: result.refused.message, finishedAt: now });
  }
  if (started.length === 0) return changes;
  const claimed = await tx.$executeRaw`
    UPDATE rollout_target t
    SET status = 'UPGRADING', "operationId" = c.operation_id, "startedAt" = ${now.toISOString()}::timestamp(3), reason = NULL, error = NULL
    FROM unnest(${started.map((t) => t.id)}::text[], ${started.map((t) => t.attempt)}::int[], ${started.map((t) => t.operationId)}::text[])
      AS c(id, attempt, operation_id)
    WHERE t.id = c.id AND t.status = 'WAITING' AND t.attempt = c.attempt`;
  if (claimed !== started.length) throw new AppError("CONFLICT", "a target moved meanwhile");
  await tx.environment.updateMany({
    where: { id: { in: started.map((t) => t.environmentId) } },
    data: { desiredReleaseVersion: rollout.releaseVersion },
  });
  return changes + claimed;
}
