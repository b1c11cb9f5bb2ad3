// The orchestrator: one level-triggered step over a rollout, run by every worker on a schedule.
// It reads what is true now (targets, the operations they point at, waves, the fleet's switches)
// and makes the next moves, each a compare-and-set, all inside one transaction that holds the
// rollout's row lock. So a step killed at any moment commits nothing, and two workers stepping the
// same rollout take turns: the second sees the first's result and does nothing twice (an
// operation's idempotency key, derived from the target and its attempt, is a second guard).
//
// An environment counts as upgraded only when the operation the rollout enqueued for it succeeded
// and recorded the target release: never from the environment's status or an older operation.
import type { Db, Enums, Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import type { Logger } from "../../logger.ts";
import type { Clock } from "../domain-context.ts";
import { enqueueOperations } from "../environments/enqueue-operations.ts";
import { readFleetControl } from "../releases/fleet-control.ts";
import type { Freeze } from "../releases/maintenance-windows.ts";
import { compareReleases } from "../releases/versions.ts";
import { type GateVerdict, judgeHealthGate } from "./health-gate.ts";
import { chooseLaunches, launchTargets } from "./launch-targets.ts";
import { notifySelfManaged } from "./notify-self-managed.ts";
import { rollbackRefusal, startRollback } from "./rollback.ts";

/** `saasKubernetes`: each SaaS region's cluster version (SAAS_REGION_KUBERNETES), for the supported-range check. */
export type OrchestratorContext = { db: Db; clock: Clock; log: Logger; saasKubernetes: Readonly<Record<string, string>> };
type Tx = Prisma.TransactionClient;

const MINUTE = 60_000;
/**
 * What a rollout that is not running (paused, halted, finished, aborted) still follows: rollbacks
 * in flight, and self-managed installations notified but not yet reporting the release (a
 * heartbeat is a fact to record whatever the rollout does; a wave never waits for one, as the
 * plan says: their admins upgrade in their own windows).
 */
const TRACKED_WHEN_STOPPED = ["ROLLING_BACK", "NOTIFIED"] as const satisfies Enums.RolloutTargetStatus[];
/** Moves per step stop here; the next step continues (bounds one transaction). */
const MAX_PASSES = 8;

/** Steps every running rollout once; returns how many changed something. */
/**
 * Steps every rollout that needs it, oldest first. A step that fails (rolled back whole) is reported
 * and the rest still step: one rollout's fault must not hold the fleet's others still.
 */
export async function advanceRollouts(
  ctx: OrchestratorContext,
): Promise<{ changed: number; failures: { rolloutId: string; error: unknown }[] }> {
  // Running ones, and any other with a rollback in flight (a rollback may follow a finished rollout)
  // or a self-managed installation still to report the release (its wave does not wait for it).
  const running = await ctx.db.rollout.findMany({
    where: { OR: [{ status: "RUNNING" }, { targets: { some: { status: { in: [...TRACKED_WHEN_STOPPED] } } } }] },
    select: { id: true },
    orderBy: { createdAt: "asc" },
  });
  let changed = 0;
  const failures: { rolloutId: string; error: unknown }[] = [];
  for (const { id } of running) {
    try {
      if ((await advanceRollout(ctx, id)) > 0) changed++;
    } catch (error) {
      failures.push({ rolloutId: id, error });
    }
  }
  return { changed, failures };
}

/** One step of one rollout; returns the number of state changes it made. */
export async function advanceRollout(ctx: OrchestratorContext, rolloutId: string): Promise<number> {
  return ctx.db.$transaction(
    async (tx) => {
      // The rollout's row lock: concurrent steps of this rollout run one after the other.
      await tx.$queryRaw`SELECT id FROM "rollout" WHERE id = ${rolloutId} FOR UPDATE`;
      const fleet = await readFleetControl(tx);
      if (fleet.emergencyHaltAt) return 0; // nothing moves while the fleet is halted
      const now = ctx.clock.now();
      let changes = 0;
      for (let pass = 0; pass < MAX_PASSES; pass++) {
        const made = await step(tx, rolloutId, {
          now,
          fleetFreezes: (fleet.freezes ?? []) as Freeze[],
          log: ctx.log,
          saasKubernetes: ctx.saasKubernetes,
        });
        changes += made;
        if (made === 0) break;
      }
      return changes;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** What one step knows besides the database: the instant it judges at and the fleet's facts. */
type StepFacts = { now: Date; fleetFreezes: Freeze[]; log: Logger; saasKubernetes: Readonly<Record<string, string>> };

async function step(tx: Tx, rolloutId: string, facts: StepFacts): Promise<number> {
  const { now, log } = facts;
  const rollout = await tx.rollout.findUnique({
    where: { id: rolloutId },
    include: { release: true, waves: { orderBy: { position: "asc" } } },
  });
  if (!rollout) return 0;
  if (rollout.status !== "RUNNING") return reconcile(tx, rollout.id, rollout.releaseVersion, now, [...TRACKED_WHEN_STOPPED]);
  let changes = await reconcile(tx, rollout.id, rollout.releaseVersion, now);

  const wave = rollout.waves.find((w) => w.status !== "SUCCEEDED");
  if (!wave) {
    const done = await tx.rollout.updateMany({
      where: { id: rollout.id, status: "RUNNING" },
      data: { status: "SUCCEEDED", finishedAt: now },
    });
    return changes + done.count;
  }
  const moveWave = async (from: Prisma.RolloutWaveWhereInput["status"], data: Prisma.RolloutWaveUpdateManyMutationInput) =>
    (await tx.rolloutWave.updateMany({ where: { id: wave.id, status: from }, data })).count;

  switch (wave.status) {
    case "PENDING":
    case "AWAITING_APPROVAL": {
      if (wave.requiresApproval && !wave.approvedById) {
        return changes + (wave.status === "PENDING" ? await moveWave("PENDING", { status: "AWAITING_APPROVAL" }) : 0);
      }
      const started = await moveWave(wave.status, { status: "RUNNING", startedAt: now });
      // Self-managed installations: notified now, then followed through their heartbeats.
      if (started) changes += await notifySelfManaged(tx, rollout, wave, now);
      return changes + started;
    }
    case "RUNNING":
      return changes + (await runWave(tx, rollout, wave, facts));
    case "SOAKING": {
      const soakOver = wave.soakUntil !== null && wave.soakUntil <= now;
      if (wave.healthGate) {
        const gate = await judgeHealthGate(tx, wave, now, soakOver);
        if (gate.kind === "halt") return changes + (await haltOnHealth(tx, rollout.id, wave, gate, now, log));
        if (gate.kind === "hold") return changes;
      }
      if (soakOver) return changes + (await moveWave("SOAKING", { status: "SUCCEEDED", finishedAt: now }));
      return changes;
    }
    case "HALTED":
      return changes;
  }
  return changes;
}

/** Records what the operations (and heartbeats) say about targets in flight. */
async function reconcile(
  tx: Tx,
  rolloutId: string,
  target: string,
  now: Date,
  statuses: Enums.RolloutTargetStatus[] = ["UPGRADING", "ROLLING_BACK", "NOTIFIED"],
): Promise<number> {
  const inFlight = await tx.rolloutTarget.findMany({
    where: { rolloutId, status: { in: statuses } },
    select: {
      id: true,
      status: true,
      operationId: true,
      environmentId: true,
      attempt: true,
      fromReleaseVersion: true,
      startedAt: true,
      environment: { select: { releaseVersion: true, lastHeartbeatAt: true } },
    },
  });
  const ops = await tx.operation.findMany({
    where: { id: { in: inFlight.map((t) => t.operationId).filter((id): id is string => id !== null) } },
    select: { id: true, kind: true, status: true, releaseVersion: true, error: true },
  });
  const opOf = new Map(ops.map((o) => [o.id, o]));
  // Moves with the same change are written together, each still a compare-and-set on the status
  // and operation it was read with (a rollback or retry meanwhile leaves it alone).
  const moves = new Map<
    string,
    { data: Prisma.RolloutTargetUpdateManyMutationInput; status: Enums.RolloutTargetStatus; targets: typeof inFlight }
  >();
  const move = (t: (typeof inFlight)[number], data: Prisma.RolloutTargetUpdateManyMutationInput) => {
    const key = `${t.status}:${JSON.stringify(data)}`;
    const same = moves.get(key) ?? { data, status: t.status, targets: [] };
    same.targets.push(t);
    moves.set(key, same);
  };
  const previewed: typeof inFlight = [];
  for (const t of inFlight) {
    if (t.status === "NOTIFIED") {
      // Only a heartbeat received after the notification counts: an older one is stale.
      const beat = t.environment.lastHeartbeatAt;
      const running = t.environment.releaseVersion;
      if (!running || !beat || !t.startedAt || beat < t.startedAt) continue;
      if (running === target) move(t, { status: "UPGRADED", finishedAt: now, reason: "its heartbeat reports the release" });
      // Upgraded straight past the target: not the target, so not counted upgraded, but nothing is
      // left to wait for (else its rollout would be followed for ever).
      else if (compareReleases(running, target) > 0)
        move(t, { status: "SKIPPED", finishedAt: now, reason: `its heartbeat reports ${running}, past the release` });
      continue;
    }
    const op = t.operationId ? opOf.get(t.operationId) : undefined;
    if (!op || op.status === "QUEUED" || op.status === "RUNNING") continue;
    if (op.status !== "SUCCEEDED") {
      move(t, {
        status: "FAILED",
        finishedAt: now,
        error: op.error ?? `the ${op.kind.toLowerCase()} was ${op.status.toLowerCase()}`,
      });
      continue;
    }
    if (t.status === "ROLLING_BACK") {
      if (op.releaseVersion === t.fromReleaseVersion) move(t, { status: "ROLLED_BACK", finishedAt: now });
      else move(t, { status: "FAILED", finishedAt: now, error: `the rollback deployed ${op.releaseVersion ?? "nothing"}` });
      continue;
    }
    if (op.kind === "PREVIEW") {
      previewed.push(t); // its deploy is enqueued below, with the others previewed in this step
      continue;
    }
    if (op.releaseVersion === target) move(t, { status: "UPGRADED", finishedAt: now, error: null });
    else
      move(t, {
        status: "FAILED",
        finishedAt: now,
        error: `the deploy recorded ${op.releaseVersion ?? "no release"}, not ${target}`,
      });
  }
  // Previewed: now the upgrades themselves, in one batch and the same transaction as the moves that
  // record them. One the operation rules refuse (its tenant was suspended since the preview) fails
  // with the reason instead of failing the step, which would stop the rollout for good.
  const deploys = await enqueueOperations(
    tx,
    { now },
    previewed.map((t) => ({
      environmentId: t.environmentId,
      kind: "UP",
      idempotencyKey: `rollout:${t.id}:${t.attempt}:up`,
      releaseVersion: target,
    })),
  );
  for (const [i, t] of previewed.entries()) {
    const deploy = deploys[i];
    if (deploy?.operation) move(t, { operationId: deploy.operation.id });
    else if (deploy?.refused) move(t, { status: "FAILED", finishedAt: now, error: deploy.refused.message });
  }
  let changes = 0;
  for (const { data, status, targets } of moves.values()) {
    const where = { status, OR: targets.map((t) => ({ id: t.id, operationId: t.operationId })) };
    changes += (await tx.rolloutTarget.updateMany({ where, data })).count;
  }
  return changes;
}

type RolloutRow = Prisma.RolloutGetPayload<{ include: { release: true; waves: true } }>;
type WaveRow = RolloutRow["waves"][number];

async function runWave(tx: Tx, rollout: RolloutRow, wave: WaveRow, { now, fleetFreezes, log, saasKubernetes }: StepFacts): Promise<number> {
  const counts = await tx.rolloutTarget.groupBy({ by: ["status"], where: { waveId: wave.id }, _count: { _all: true } });
  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  if (count("FAILED") >= wave.failureThreshold) {
    const reason = `Wave "${wave.name}" halted: ${count("FAILED")} of its environments failed (threshold ${wave.failureThreshold}).`;
    return haltWave(tx, rollout.id, wave, "RUNNING", reason, log);
  }
  const active = count("UPGRADING") + count("ROLLING_BACK");
  const waiting = count("WAITING");
  if (waiting === 0 && active === 0) {
    const soakUntil = new Date(now.getTime() + wave.soakMinutes * MINUTE);
    return (await tx.rolloutWave.updateMany({ where: { id: wave.id, status: "RUNNING" }, data: { status: "SOAKING", soakUntil } })).count;
  }
  const slots = wave.maxConcurrency - active;
  if (slots <= 0) return 0;
  const chosen = await chooseLaunches(tx, rollout, wave, slots, { now, fleetFreezes, saasKubernetes });
  return chosen.changes + (await launchTargets(tx, rollout, chosen.launches, now));
}

/** Halts the wave (compare-and-set from the status it was read in) and its rollout, with the reason. */
async function haltWave(tx: Tx, rolloutId: string, wave: WaveRow, from: "RUNNING" | "SOAKING", reason: string, log: Logger) {
  const halted = await tx.rolloutWave.updateMany({ where: { id: wave.id, status: from }, data: { status: "HALTED" } });
  if (halted.count === 0) return 0;
  await tx.rollout.updateMany({ where: { id: rolloutId, status: "RUNNING" }, data: { status: "HALTED", haltReason: reason } });
  log.warn({ rolloutId, wave: wave.position }, reason);
  return halted.count;
}

/**
 * The health gate found a breach (or silence at the soak's end): the wave halts, each breaching
 * environment keeps the rule it broke as its reason, and with `rollbackOnBreach` the managed ones go
 * back to the release they ran before (self-managed ones are their admins' to roll back).
 */
async function haltOnHealth(
  tx: Tx,
  rolloutId: string,
  wave: WaveRow,
  gate: Extract<GateVerdict, { kind: "halt" }>,
  now: Date,
  log: Logger,
): Promise<number> {
  const managed = wave.rollbackOnBreach ? gate.breaching.map((b) => b.target).filter((t) => !t.selfManaged) : [];
  const refusal = managed.length ? await rollbackRefusal(tx, managed) : null;
  const reason = refusal
    ? `${gate.reason} Automatic rollback refused: ${refusal}`
    : managed.length
      ? `${gate.reason} Rolling back ${managed.length} automatically.`
      : gate.reason;
  const halted = await haltWave(tx, rolloutId, wave, "SOAKING", reason, log);
  if (halted === 0) return 0;
  let changes = halted;
  for (const { target, reason: why } of gate.breaching) {
    changes += (await tx.rolloutTarget.updateMany({ where: { id: target.id, status: "UPGRADED" }, data: { reason: why } })).count;
  }
  if (refusal) return changes;
  for (const t of managed) {
    if (t.fromReleaseVersion === null) continue; // rollbackRefusal would have said so
    try {
      changes += Number(await startRollback(tx, now, { ...t, fromReleaseVersion: t.fromReleaseVersion }, null));
    } catch (error) {
      if (!(error instanceof AppError) || error.code === "CONFLICT") throw error;
      // The operation rules refuse it (the tenant was suspended meanwhile): the halt stands and says so.
      await tx.rolloutTarget.updateMany({
        where: { id: t.id, status: "UPGRADED" },
        data: { error: `automatic rollback refused: ${error.message}` },
      });
    }
  }
  return changes;
}
