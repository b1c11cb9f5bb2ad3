// Drives rollouts under a controlled clock: the orchestrator's step, then the worker (with the
// engine double) runs every operation it can, then time moves on. Records the most upgrades in
// flight per wave seen after each step, so tests can prove concurrency was never exceeded.
import type { Db } from "@opus/db/client";
import { advanceRollouts, type OrchestratorContext } from "../../../src/domain/rollouts/advance-rollout.ts";
import { NotRetryableError } from "../../../src/provisioning/not-retryable.ts";
import { FakeEngine, ok } from "../../provisioning/support/fake-engine.ts";
import { createTestWorker } from "../../provisioning/support/fixtures.ts";
import type { TestServices } from "../../support/test-services.ts";

export function createHarness(services: TestServices, start: Date) {
  let now = start.getTime();
  services.clock.set(new Date(now));
  const failing = new Set<string>();
  const engine = new FakeEngine();
  engine.script = async (input) => {
    if (failing.has(input.stackName))
      throw new NotRetryableError(`helm upgrade failed on ${input.stackName}: consent pod CrashLoopBackOff`);
    return ok({ namespace: input.stackName });
  };
  const worker = createTestWorker(services, engine);
  // The same object as the services' (tests set a region's version on it and both sides see it).
  const orchestrator: OrchestratorContext = {
    db: services.db,
    clock: services.clock,
    log: services.log,
    saasKubernetes: services.saasKubernetes,
  };
  const maxInFlight = new Map<string, number>();

  async function observe(db: Db) {
    const rows = await db.rolloutTarget.groupBy({ by: ["waveId"], where: { status: "UPGRADING" }, _count: { _all: true } });
    for (const row of rows) maxInFlight.set(row.waveId, Math.max(maxInFlight.get(row.waveId) ?? 0, row._count._all));
  }

  return {
    engine,
    failing,
    worker,
    orchestrator,
    maxInFlight,
    now: () => new Date(now),
    setNow(date: Date) {
      now = date.getTime();
      services.clock.set(date);
    },
    async step() {
      // A failed step is a failed test here (the schedule logs it and goes on).
      const { failures } = await advanceRollouts(orchestrator);
      if (failures[0]) throw failures[0].error;
      await observe(services.db);
    },
    /** Runs queued operations four at a time (different stacks), as a worker's slots would. */
    async drain() {
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (await worker.runNext()) {}
        }),
      );
    },
    /** One orchestrator step, every runnable operation, then `minutes` later. */
    async tick(minutes = 5) {
      const t0 = performance.now();
      await this.step();
      const t1 = performance.now();
      await this.drain();
      if (process.env.ROLLOUT_TIMING) console.log(`step ${(t1 - t0).toFixed(0)} ms, drain ${(performance.now() - t1).toFixed(0)} ms`);
      now += minutes * 60_000;
      services.clock.set(new Date(now));
    },
    async until(done: () => Promise<boolean>, minutes = 5, maxTicks = 500) {
      for (let i = 0; i < maxTicks; i++) {
        if (await done()) return i;
        await this.tick(minutes);
      }
      throw new Error("the rollout did not get there in time");
    },
    stop: () => worker.stop(),
  };
}

export async function rolloutStatus(db: Db, id: string) {
  return (await db.rollout.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;
}

export async function waveStatus(db: Db, id: string, position: number) {
  return (await db.rolloutWave.findUniqueOrThrow({ where: { rolloutId_position: { rolloutId: id, position } } })).status;
}

/** A second Opus admin with TOTP on (the seed has one): four eyes need two people. */
export async function secondAdmin(db: Db) {
  const email = `second-admin-${Date.now().toString(36)}@opus.example`;
  await db.user.create({
    data: { id: crypto.randomUUID(), email, name: "Second Admin", staffRole: "ADMIN", twoFactorEnabled: true, emailVerified: true },
  });
  return email;
}
