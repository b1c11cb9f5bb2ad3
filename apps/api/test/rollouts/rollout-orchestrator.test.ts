// Rollouts over a fleet with the engine double under a controlled clock: wave order, concurrency
// never exceeded, soak times, four eyes on production, halt at the threshold and resume after the
// fix, abort, windows and freezes, the emergency halt, rollback, an orchestrator killed mid-wave or
// run twice at once, and a stale "succeeded" that never advances a wave.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { advanceRollout, advanceRollouts } from "../../src/domain/rollouts/advance-rollout.ts";
import { runRolloutSchedule } from "../../src/provisioning/rollout-schedule.ts";
import { callerFor } from "../support/callers.ts";
import { makeRelease } from "../support/release-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createFleet } from "./support/fleet.ts";
import { createHarness, rolloutStatus, secondAdmin, waveStatus } from "./support/rollout-harness.ts";

let services: TestServices;
let from: string;
let target: { id: string; version: string };
let approverEmail: string;
beforeAll(async () => {
  services = await createTestServices();
  from = (await makeRelease(services.db, "AVAILABLE", "4.0.0")).version;
  target = await makeRelease(services.db, "AVAILABLE", "4.1.0");
  approverEmail = await secondAdmin(services.db);
});
afterAll(() => services.cleanup());

const THURSDAY = new Date("2026-12-03T15:00:00Z");
const admin = () => callerFor(services, "admin@opus.example");

function threeWaves(canary: string[], production: { count: number; threshold: number } = { count: 20, threshold: 3 }) {
  return [
    { name: "Canary", institutionIds: canary, maxConcurrency: { count: 2 }, soakMinutes: 60, failureThreshold: 2 },
    {
      name: "Development and homologation",
      kinds: ["DEVELOPMENT" as const, "HOMOLOGATION" as const],
      maxConcurrency: { percent: 10 },
      soakMinutes: 120,
      failureThreshold: 5,
    },
    {
      name: "Production",
      kinds: ["PRODUCTION" as const],
      maxConcurrency: { count: production.count },
      soakMinutes: 0,
      failureThreshold: production.threshold,
    },
  ];
}

async function plan(institutionIds: string[], waves: ReturnType<typeof threeWaves>, extra: Record<string, unknown> = {}) {
  const api = await admin();
  return api.rollouts.create({
    name: `Rollout ${Date.now()}`,
    releaseId: target.id,
    selection: { institutionIds },
    waves,
    ...extra,
  } as never);
}

async function targetsOf(rolloutId: string) {
  return services.db.rolloutTarget.findMany({
    where: { rolloutId },
    include: { wave: true, environment: true },
    orderBy: { position: "asc" },
  });
}

describe("a rollout over 330 environments", () => {
  it("runs waves in order within their concurrency and soak, with four eyes on production, and ends with every environment on the release", async () => {
    const fleet = await createFleet(services.db, { tenants: 110, release: from });
    expect(fleet.environments).toBe(330);
    const h = createHarness(services, THURSDAY);
    const canary = fleet.institutionIds.slice(0, 3);
    const created = await plan(fleet.institutionIds, threeWaves(canary));
    expect(created.plan.counts).toEqual({ upgrade: 330, notify: 0, skip: 0 });
    expect(created.plan.waves.map((w) => [w.size, w.maxConcurrency, w.fourEyes])).toEqual([
      [9, 2, true], // the canary tenants' production environments are production too
      [214, 21, false],
      [107, 20, true],
    ]);
    const api = await admin();
    await expect(api.rollouts.start({ rolloutId: created.id, planHash: "0".repeat(64) })).rejects.toMatchObject({ code: "CONFLICT" });
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });

    // The canary wave has production environments: it waits for someone other than the starter.
    await h.tick();
    expect(await waveStatus(services.db, created.id, 0)).toBe("AWAITING_APPROVAL");
    expect(await services.db.operation.count({ where: { environment: { institutionId: { in: fleet.institutionIds } } } })).toBe(0);
    await expect(api.rollouts.approveWave({ rolloutId: created.id, position: 0, planHash: created.planHash })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("someone other than"),
    });
    const approver = await callerFor(services, approverEmail);
    await approver.rollouts.approveWave({ rolloutId: created.id, position: 0, planHash: created.planHash });
    await approver.rollouts.approveWave({ rolloutId: created.id, position: 2, planHash: created.planHash });

    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED", 10);
    const targets = await targetsOf(created.id);
    expect(targets.every((t) => t.status === "UPGRADED")).toBe(true);
    expect(targets.every((t) => t.environment.releaseVersion === target.version)).toBe(true);

    const waves = await services.db.rolloutWave.findMany({ where: { rolloutId: created.id }, orderBy: { position: "asc" } });
    for (const wave of waves) expect(h.maxInFlight.get(wave.id) ?? 0).toBeLessThanOrEqual(wave.maxConcurrency);
    expect(h.maxInFlight.get(waves[1]?.id ?? "")).toBe(21); // the limit is used, not only respected
    // Order and soak: no upgrade of a wave starts before the previous wave finished and soaked.
    for (let i = 1; i < waves.length; i++) {
      const previous = waves[i - 1];
      const earliest = Math.min(...targets.filter((t) => t.waveId === waves[i]?.id).map((t) => t.startedAt?.getTime() ?? Infinity));
      const lastEnd = Math.max(...targets.filter((t) => t.waveId === previous?.id).map((t) => t.finishedAt?.getTime() ?? 0));
      expect(earliest).toBeGreaterThanOrEqual(lastEnd + (previous?.soakMinutes ?? 0) * 60_000);
    }
    // Exactly one deploy per environment, each recording the release it deployed.
    const ops = await services.db.operation.findMany({ where: { environment: { institutionId: { in: fleet.institutionIds } } } });
    expect(ops).toHaveLength(330);
    expect(new Set(ops.map((o) => o.environmentId)).size).toBe(330);
    expect(ops.every((o) => o.status === "SUCCEEDED" && o.releaseVersion === target.version)).toBe(true);
    await h.stop();
  }, 240_000);
});

describe("gates", () => {
  it("halts at the failure threshold, enqueues nothing more, and resumes after the fix", async () => {
    const fleet = await createFleet(services.db, { tenants: 12, kinds: ["PRODUCTION"], release: from });
    const h = createHarness(services, THURSDAY);
    const waves = [
      { name: "Production", kinds: ["PRODUCTION" as const], maxConcurrency: { count: 3 }, soakMinutes: 0, failureThreshold: 2 },
    ];
    const created = await plan(fleet.institutionIds, waves as never);
    const api = await admin();
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await (await callerFor(services, approverEmail)).rollouts.approveWave({
      rolloutId: created.id,
      position: 0,
      planHash: created.planHash,
    });
    const stacks = (await targetsOf(created.id)).map((t) => t.environment.stackName);
    h.failing.add(stacks[0] ?? "");
    h.failing.add(stacks[1] ?? "");
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "HALTED");
    const halted = await services.db.rollout.findUniqueOrThrow({ where: { id: created.id } });
    expect(halted.haltReason).toContain("2 of its environments failed (threshold 2)");
    const opsAtHalt = await services.db.operation.count({ where: { environment: { institutionId: { in: fleet.institutionIds } } } });
    await h.tick();
    await h.tick();
    expect(await services.db.operation.count({ where: { environment: { institutionId: { in: fleet.institutionIds } } } })).toBe(opsAtHalt);

    h.failing.clear(); // the fix
    await api.rollouts.resume({ rolloutId: created.id });
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED");
    const targets = await targetsOf(created.id);
    expect(targets.every((t) => t.status === "UPGRADED")).toBe(true);
    expect(targets.filter((t) => t.attempt === 1)).toHaveLength(2);
    await h.stop();
  }, 60_000);

  it("pause stops new upgrades; abort skips the waiting ones and cancels queued deploys", async () => {
    const fleet = await createFleet(services.db, { tenants: 10, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const waves = [{ name: "Dev", maxConcurrency: { count: 2 }, soakMinutes: 0, failureThreshold: 5 }];
    const created = await plan(fleet.institutionIds, waves as never);
    const api = await admin();
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.tick();
    await api.rollouts.pause({ rolloutId: created.id });
    await h.tick();
    await h.tick();
    const paused = await targetsOf(created.id);
    expect(paused.filter((t) => t.status === "UPGRADED")).toHaveLength(0); // reconciled only once running again
    expect(await services.db.operation.count({ where: { environment: { institutionId: { in: fleet.institutionIds } } } })).toBe(2);
    await api.rollouts.resume({ rolloutId: created.id });
    await h.step(); // records the two, starts two more
    await api.rollouts.abort({ rolloutId: created.id });
    await h.drain();
    await h.tick();
    const targets = await targetsOf(created.id);
    expect(targets.filter((t) => t.status === "UPGRADED")).toHaveLength(2);
    expect(targets.filter((t) => t.status === "SKIPPED" && t.reason === "the rollout was aborted")).toHaveLength(6);
    const cancelled = await services.db.operation.findMany({
      where: { environment: { institutionId: { in: fleet.institutionIds } }, status: "CANCELLED" },
    });
    expect(cancelled).toHaveLength(2);
    await expect(api.rollouts.resume({ rolloutId: created.id })).rejects.toMatchObject({ code: "CONFLICT" });
    await h.stop();
  }, 60_000);

  it("waits for each environment's window and freeze without failing the wave", async () => {
    // Sundays 02:00–06:00 São Paulo = 05:00–09:00 UTC; the third environment is also frozen that Sunday.
    const sunday = { rrule: "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2", durationMinutes: 240 };
    const freeze = { from: "2026-12-06T00:00:00.000Z", until: "2026-12-07T00:00:00.000Z", reason: "month-end close" };
    const fleet = await createFleet(services.db, {
      tenants: 4,
      kinds: ["DEVELOPMENT"],
      release: from,
      extra: (i) => ({ maintenanceWindows: [sunday], freezes: i === 2 ? [freeze] : [] }),
    });
    const h = createHarness(services, THURSDAY);
    const created = await plan(fleet.institutionIds, [
      { name: "Dev", maxConcurrency: { count: 10 }, soakMinutes: 0, failureThreshold: 1 },
    ] as never);
    const planned = created.plan.environments;
    expect(planned.filter((e) => e.expectedAt === "2026-12-06T05:00:00.000Z")).toHaveLength(3);
    expect(planned[2]?.expectedAt).toBe("2026-12-13T05:00:00.000Z");
    expect(planned[2]?.waits).toContain("frozen until 2026-12-07T00:00:00.000Z (month-end close)");
    const api = await admin();
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.tick(60);
    let targets = await targetsOf(created.id);
    expect(targets.every((t) => t.status === "WAITING" && t.reason === "next maintenance window opens at 2026-12-06T05:00:00.000Z")).toBe(
      true,
    );
    expect(await waveStatus(services.db, created.id, 0)).toBe("RUNNING");
    h.setNow(new Date("2026-12-06T05:10:00Z"));
    await h.tick(60);
    await h.tick(60);
    targets = await targetsOf(created.id);
    expect(targets.map((t) => t.status)).toEqual(["UPGRADED", "UPGRADED", "WAITING", "UPGRADED"]);
    expect(targets[2]?.reason).toBe("frozen until 2026-12-07T00:00:00.000Z (month-end close)");
    h.setNow(new Date("2026-12-13T05:00:00Z"));
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED");
    await h.stop();
  }, 60_000);

  it("previews first when asked: each environment's preview, then its deploy in the same slot, then upgraded", async () => {
    const fleet = await createFleet(services.db, { tenants: 3, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const created = await plan(
      fleet.institutionIds,
      [{ name: "Dev", maxConcurrency: { count: 2 }, soakMinutes: 0, failureThreshold: 1 }] as never,
      { previewFirst: true },
    );
    await (await admin()).rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    const ops = () =>
      services.db.operation.findMany({
        where: { environment: { institutionId: { in: fleet.institutionIds } } },
        orderBy: [{ createdAt: "asc" }, { kind: "asc" }],
      });
    await h.step();
    expect((await ops()).map((o) => [o.kind, o.status])).toEqual([
      ["PREVIEW", "QUEUED"],
      ["PREVIEW", "QUEUED"],
    ]);
    await h.drain();
    await h.step(); // both previews succeeded: their deploys, and still no third environment
    const after = await ops();
    expect(after.map((o) => [o.kind, o.status]).sort()).toEqual([
      ["PREVIEW", "SUCCEEDED"],
      ["PREVIEW", "SUCCEEDED"],
      ["UP", "QUEUED"],
      ["UP", "QUEUED"],
    ]);
    const upgrading = (await targetsOf(created.id)).filter((t) => t.status === "UPGRADING");
    expect(upgrading.map((t) => after.find((o) => o.id === t.operationId)?.kind)).toEqual(["UP", "UP"]);
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED");
    const done = await ops();
    expect(done.filter((o) => o.kind === "PREVIEW")).toHaveLength(3);
    expect(done.filter((o) => o.kind === "UP" && o.status === "SUCCEEDED" && o.releaseVersion === target.version)).toHaveLength(3);
    expect((await targetsOf(created.id)).every((t) => t.status === "UPGRADED")).toBe(true);
    await h.stop();
  }, 60_000);

  it("a tenant suspended between its preview and its deploy fails that environment with the reason; the others deploy", async () => {
    const fleet = await createFleet(services.db, { tenants: 3, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const created = await plan(
      fleet.institutionIds,
      [{ name: "Dev", maxConcurrency: { count: 3 }, soakMinutes: 0, failureThreshold: 2 }] as never,
      { previewFirst: true },
    );
    await (await admin()).rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.step();
    await h.drain(); // three previews succeeded
    const suspended = fleet.institutionIds[1] as string;
    await services.db.institution.update({ where: { id: suspended }, data: { status: "SUSPENDED" } });
    await h.step();
    const targets = await targetsOf(created.id);
    const ops = await services.db.operation.findMany({
      where: { environment: { institutionId: { in: fleet.institutionIds } }, kind: "UP" },
    });
    expect(ops.map((o) => o.environmentId).sort()).toEqual(
      targets
        .filter((t) => t.environment.institutionId !== suspended)
        .map((t) => t.environmentId)
        .sort(),
    );
    const failed = targets.filter((t) => t.status === "FAILED");
    expect(failed.map((t) => t.environment.institutionId)).toEqual([suspended]);
    expect(failed[0]?.error).toMatch(/^Cannot deploy .* while it is suspended\.$/);
    expect(targets.filter((t) => t.status === "UPGRADING").map((t) => ops.some((o) => o.id === t.operationId))).toEqual([true, true]);
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED");
    expect((await targetsOf(created.id)).map((t) => t.status).sort()).toEqual(["FAILED", "UPGRADED", "UPGRADED"]);
    await h.stop();
  }, 60_000);

  it("an emergency halt stops every rollout at once; lifting it lets them go on", async () => {
    const fleet = await createFleet(services.db, { tenants: 6, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const created = await plan(fleet.institutionIds, [
      { name: "Dev", maxConcurrency: { count: 2 }, soakMinutes: 0, failureThreshold: 1 },
    ] as never);
    const api = await admin();
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.tick();
    await api.releases.declareEmergencyHalt({ reason: "bad consent image" });
    for (let i = 0; i < 3; i++) await h.tick();
    expect(await services.db.operation.count({ where: { environment: { institutionId: { in: fleet.institutionIds } } } })).toBe(2);
    expect((await api.rollouts.get({ rolloutId: created.id })).emergencyHalt).toMatchObject({ reason: "bad consent image" });
    await api.releases.liftEmergencyHalt();
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED");
    await h.stop();
  }, 60_000);

  it("rolls one environment, then a whole wave, back to the release each ran before", async () => {
    const fleet = await createFleet(services.db, { tenants: 4, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const created = await plan(fleet.institutionIds, [
      { name: "Dev", maxConcurrency: { count: 4 }, soakMinutes: 0, failureThreshold: 1 },
    ] as never);
    const api = await admin();
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED");
    const [first] = await targetsOf(created.id);
    await api.rollouts.rollback({ rolloutId: created.id, environmentId: first?.environmentId ?? "" });
    await h.tick();
    await h.tick();
    let targets = await targetsOf(created.id);
    expect(targets[0]).toMatchObject({ status: "ROLLED_BACK" });
    expect(targets[0]?.environment.releaseVersion).toBe(from);
    await api.rollouts.rollback({ rolloutId: created.id, position: 0 });
    await h.tick();
    await h.tick();
    targets = await targetsOf(created.id);
    expect(targets.map((t) => t.status)).toEqual(["ROLLED_BACK", "ROLLED_BACK", "ROLLED_BACK", "ROLLED_BACK"]);
    expect(targets.every((t) => t.environment.releaseVersion === from)).toBe(true);
    await expect(api.rollouts.rollback({ rolloutId: created.id, position: 0 })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await h.stop();
  }, 60_000);
});

describe("the orchestrator is level-triggered and idempotent", () => {
  it("killed at any write mid-wave, it resumes without doing a step twice or exceeding concurrency", async () => {
    const fleet = await createFleet(services.db, { tenants: 20, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const created = await plan(fleet.institutionIds, [
      { name: "Dev", maxConcurrency: { count: 3 }, soakMinutes: 30, failureThreshold: 1 },
    ] as never);
    const api = await admin();
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    for (let killAt = 1; killAt <= 40; killAt++) {
      // A step whose process dies at its killAt-th write (the batched claim of the launches is raw
      // SQL): the transaction commits nothing.
      let writes = 0;
      const dying = services.db.$extends({
        query: {
          $allOperations({ operation, args, query }) {
            if (/^(create|update|upsert|delete|\$executeRaw)/.test(operation) && ++writes === killAt) throw new Error("killed");
            return query(args);
          },
        },
      }) as unknown as typeof services.db;
      await advanceRollout({ ...h.orchestrator, db: dying }, created.id).catch((e: Error) => expect(e.message).toContain("killed"));
      await h.tick(10);
      if ((await rolloutStatus(services.db, created.id)) === "SUCCEEDED") break;
    }
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED");
    const ops = await services.db.operation.findMany({ where: { environment: { institutionId: { in: fleet.institutionIds } } } });
    expect(ops).toHaveLength(20);
    expect(new Set(ops.map((o) => o.environmentId)).size).toBe(20);
    const [wave] = await services.db.rolloutWave.findMany({ where: { rolloutId: created.id } });
    expect(h.maxInFlight.get(wave?.id ?? "")).toBeLessThanOrEqual(3);
    await h.stop();
  }, 120_000);

  it("a rollout whose step fails is reported and rolled back; the fleet's other rollouts still step", async () => {
    const older = await createFleet(services.db, { tenants: 2, kinds: ["DEVELOPMENT"], release: from });
    const newer = await createFleet(services.db, { tenants: 2, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const dev = [{ name: "Dev", maxConcurrency: { count: 2 }, soakMinutes: 0, failureThreshold: 1 }] as never;
    const broken = await plan(older.institutionIds, dev);
    const healthy = await plan(newer.institutionIds, dev);
    for (const r of [broken, healthy]) await (await admin()).rollouts.start({ rolloutId: r.id, planHash: r.planHash });
    // A fault in the database for the older rollout's targets only (a trigger, removed at the end).
    await services.db.$executeRawUnsafe(
      `CREATE FUNCTION test_rollout_fault() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$`,
    );
    await services.db.$executeRawUnsafe(
      `CREATE TRIGGER test_rollout_fault BEFORE UPDATE ON rollout_target FOR EACH ROW WHEN (OLD."rolloutId" = '${broken.id}') EXECUTE FUNCTION test_rollout_fault()`,
    );
    try {
      const { failures } = await advanceRollouts(h.orchestrator);
      expect(failures.map((f) => [f.rolloutId, String(f.error)])).toEqual([[broken.id, expect.stringContaining("injected fault")]]);
      const upgrading = async (rolloutId: string) => services.db.rolloutTarget.count({ where: { rolloutId, status: "UPGRADING" } });
      expect(await upgrading(healthy.id)).toBe(2);
      expect(await upgrading(broken.id)).toBe(0);
      expect(await services.db.operation.count({ where: { environment: { institutionId: { in: older.institutionIds } } } })).toBe(0);
      // The worker's schedule logs it, with the rollout, and goes on.
      const logged: unknown[] = [];
      const log = { info() {}, warn() {}, debug() {}, error: (fields: unknown, message: string) => logged.push([fields, message]) };
      const stop = new AbortController();
      await runRolloutSchedule({ ...h.orchestrator, log: log as never }, 1, stop.signal, async () => stop.abort());
      expect(logged).toEqual([[expect.objectContaining({ rolloutId: broken.id }), "rollout step failed"]]);
    } finally {
      await services.db.$executeRawUnsafe("DROP TRIGGER test_rollout_fault ON rollout_target");
      await services.db.$executeRawUnsafe("DROP FUNCTION test_rollout_fault()");
    }
    await h.until(async () => (await rolloutStatus(services.db, broken.id)) === "SUCCEEDED");
    expect(await rolloutStatus(services.db, healthy.id)).toBe("SUCCEEDED");
    await h.stop();
  }, 60_000);

  it("20 orchestrators stepping one rollout at once start exactly the wave's concurrency", async () => {
    const fleet = await createFleet(services.db, { tenants: 30, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const created = await plan(fleet.institutionIds, [
      { name: "Dev", maxConcurrency: { count: 5 }, soakMinutes: 0, failureThreshold: 1 },
    ] as never);
    await (await admin()).rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await Promise.all(Array.from({ length: 20 }, () => advanceRollout(h.orchestrator, created.id)));
    expect(await services.db.rolloutTarget.count({ where: { rolloutId: created.id, status: "UPGRADING" } })).toBe(5);
    expect(await services.db.operation.count({ where: { environment: { institutionId: { in: fleet.institutionIds } } } })).toBe(5);
    await h.stop();
  }, 60_000);

  it("two orchestrators racing on every tick launch each target exactly once and never exceed the wave's concurrency", async () => {
    const fleet = await createFleet(services.db, { tenants: 40, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const created = await plan(fleet.institutionIds, [
      { name: "Dev", maxConcurrency: { count: 6 }, soakMinutes: 0, failureThreshold: 1 },
    ] as never);
    await (await admin()).rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    // One of the two workers is slow between counting the wave's free slots and choosing its
    // targets, so the other's step always arrives while the first is mid-step.
    const slow = services.db.$extends({
      query: {
        rolloutTarget: {
          async groupBy({ args, query }) {
            const counts = await query(args);
            await new Promise((resolve) => setTimeout(resolve, 150));
            return counts;
          },
        },
      },
    }) as unknown as typeof services.db;
    const inFlight: number[] = [];
    for (let tick = 0; tick < 100 && (await rolloutStatus(services.db, created.id)) === "RUNNING"; tick++) {
      // Two workers' schedules fire together: both steps run at once, on their own transactions.
      await Promise.all([advanceRollout({ ...h.orchestrator, db: slow }, created.id), advanceRollout(h.orchestrator, created.id)]);
      inFlight.push(await services.db.rolloutTarget.count({ where: { rolloutId: created.id, status: "UPGRADING" } }));
      // The worker finishes only some of them, so the next steps find a few free slots, not all.
      for (let i = 0; i < 4; i++) await h.worker.runNext();
      h.setNow(new Date(h.now().getTime() + 60_000));
    }
    expect(await rolloutStatus(services.db, created.id)).toBe("SUCCEEDED");
    expect(Math.max(...inFlight)).toBe(6); // the limit is used and never exceeded
    const ops = await services.db.operation.findMany({ where: { environment: { institutionId: { in: fleet.institutionIds } } } });
    expect(ops).toHaveLength(40);
    expect(new Set(ops.map((o) => o.environmentId)).size).toBe(40);
    const targets = await targetsOf(created.id);
    expect(targets.every((t) => t.status === "UPGRADED" && ops.some((o) => o.id === t.operationId))).toBe(true);
    await h.stop();
  }, 120_000);

  it("reads past the waiting targets that must wait to find the ones that may start", async () => {
    // The first 35 in the plan are frozen; only the last 5 may start now, 3 at a time.
    const freeze = { from: "2026-12-01T00:00:00.000Z", until: "2026-12-05T00:00:00.000Z", reason: "year-end" };
    const fleet = await createFleet(services.db, {
      tenants: 40,
      kinds: ["DEVELOPMENT"],
      release: from,
      extra: (i) => ({ freezes: i < 35 ? [freeze] : [] }),
    });
    const h = createHarness(services, THURSDAY);
    const created = await plan(fleet.institutionIds, [
      { name: "Dev", maxConcurrency: { count: 3 }, soakMinutes: 0, failureThreshold: 1 },
    ] as never);
    await (await admin()).rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.step(); // the wave starts
    await h.step();
    const targets = await targetsOf(created.id);
    const frozen = targets.filter((t) => (t.environment.freezes as unknown[]).length > 0);
    expect(frozen).toHaveLength(35);
    expect(frozen.every((t) => t.status === "WAITING" && t.reason === "frozen until 2026-12-05T00:00:00.000Z (year-end)")).toBe(true);
    const free = targets.filter((t) => (t.environment.freezes as unknown[]).length === 0);
    expect(free.map((t) => t.status)).toEqual(["UPGRADING", "UPGRADING", "UPGRADING", "WAITING", "WAITING"]);
    await h.stop();
  }, 60_000);

  it("never counts an environment upgraded from a stale succeeded status or another operation", async () => {
    const fleet = await createFleet(services.db, { tenants: 2, kinds: ["DEVELOPMENT"], release: from });
    const h = createHarness(services, THURSDAY);
    const created = await plan(fleet.institutionIds, [
      { name: "Dev", maxConcurrency: { count: 2 }, soakMinutes: 0, failureThreshold: 5 },
    ] as never);
    await (await admin()).rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.step(); // two deploys queued, not yet run
    const [a, b] = await targetsOf(created.id);
    if (!a || !b) throw new Error("two targets expected");
    // A succeeded deploy of the target release from before (another operation), and the environment
    // already saying ACTIVE on the target release: neither is the rollout's operation.
    await services.db.operation.create({
      data: {
        environmentId: a.environmentId,
        stackName: a.environment.stackName,
        kind: "UP",
        status: "SUCCEEDED",
        idempotencyKey: `stale-${a.id}`,
        releaseVersion: target.version,
        finishedAt: THURSDAY,
      },
    });
    await services.db.environment.update({ where: { id: a.environmentId }, data: { status: "ACTIVE", releaseVersion: target.version } });
    // The rollout's own operation for b "succeeded" having deployed the old release (a person's concurrent deploy).
    await services.db.operation.update({
      where: { id: b.operationId ?? "" },
      data: { status: "SUCCEEDED", releaseVersion: from, finishedAt: THURSDAY },
    });
    await h.step();
    const [a2, b2] = await targetsOf(created.id);
    expect(a2?.status).toBe("UPGRADING");
    expect(b2).toMatchObject({ status: "FAILED", error: `the deploy recorded ${from}, not ${target.version}` });
    expect(await waveStatus(services.db, created.id, 0)).toBe("RUNNING");
    await h.stop();
  }, 60_000);
});
