// What a failure means: retries with exponential backoff and full jitter, then FAILED with the
// engine's words; engine-missing fails at once; a concurrent update waits without burning attempts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backoffCeilingMs } from "../../src/provisioning/backoff.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { engineError, FakeEngine, ok } from "./support/fake-engine.ts";
import { createTenant, createTestWorker, enqueue, operation } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const RETRY = { baseMs: 1_000, capMs: 60_000 };
const ENGINE_TEXT = "error: update failed\n  kubernetes:helm.sh/v3:Release (opus-platform): error: timed out waiting for the condition";

describe("retries", () => {
  it("backs off exponentially with full jitter, then fails with the engine's text on the operation and the environment", async () => {
    let now = new Date("2026-11-22T12:00:00Z");
    services.clock.set(now);
    const randoms = [0.5, 0.9, 0.25];
    const engine = new FakeEngine();
    engine.script = async () => {
      throw engineError("failed", ENGINE_TEXT);
    };
    const worker = createTestWorker(services, engine, { retry: RETRY, random: () => randoms.shift() ?? 0 });
    const tenant = await createTenant(services.db);
    const op = await enqueue(services, tenant.env.id, "UP", { maxAttempts: 4 });

    const delays: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await worker.runNext()).toBe(true);
      const row = await operation(services, op.id);
      expect(row).toMatchObject({ status: "QUEUED", attempt, error: ENGINE_TEXT, lockedBy: null });
      const delay = row.runAfter.getTime() - now.getTime();
      delays.push(delay);
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThanOrEqual(backoffCeilingMs(RETRY, attempt));
      // Not due yet: nothing to claim until runAfter.
      services.clock.set(new Date(row.runAfter.getTime() - 1));
      expect(await worker.runNext()).toBe(false);
      now = row.runAfter;
      services.clock.set(now);
    }
    // Ceilings 1 s, 2 s, 4 s, each scaled by its random draw: growing, and jittered within bounds.
    expect(delays).toEqual([500, 1_800, 1_000]);
    expect([1, 2, 3, 4].map((a) => backoffCeilingMs(RETRY, a))).toEqual([1_000, 2_000, 4_000, 8_000]);

    expect(await worker.runNext()).toBe(true);
    const failed = await operation(services, op.id);
    expect(failed).toMatchObject({ status: "FAILED", attempt: 4, error: ENGINE_TEXT });
    expect(failed.finishedAt).toEqual(now);
    expect(engine.runs()).toHaveLength(4);
    const env = await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } });
    expect(env).toMatchObject({ status: "FAILED", failedOperationId: op.id });
    const audit = await services.db.auditEvent.findFirstOrThrow({ where: { action: "environment.operation_failed", targetId: op.id } });
    expect(audit).toMatchObject({ actorId: null, institutionId: tenant.id });
    // The tenant's status follows its environments (its only environment failed).
    expect((await services.db.institution.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("APPROVED");
  });

  it("engine-missing fails at once: one attempt, the message that says what to install, no retry", async () => {
    services.clock.set(new Date("2026-11-22T13:00:00Z"));
    const message = "The Pulumi CLI was not found on PATH. Install it in the worker image: curl -fsSL https://get.pulumi.com | sh";
    const engine = new FakeEngine();
    engine.script = async () => {
      throw engineError("engine-missing", message);
    };
    const worker = createTestWorker(services, engine);
    const tenant = await createTenant(services.db, { envStatus: "PENDING", status: "APPROVED" });
    const op = await enqueue(services, tenant.env.id, "UP");
    expect(await worker.runNext()).toBe(true);
    expect(await operation(services, op.id)).toMatchObject({ status: "FAILED", attempt: 1, error: message });
    expect(await worker.runNext()).toBe(false);
    expect(engine.runs()).toHaveLength(1);
    expect(await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } })).toMatchObject({
      status: "FAILED",
      failedOperationId: op.id,
    });
  });
});

describe("concurrent updates", () => {
  it("waits and re-queues without counting attempts, then runs", async () => {
    let now = new Date("2026-11-22T14:00:00Z");
    services.clock.set(now);
    const engine = new FakeEngine();
    engine.script = async (_input, call) => {
      if (call < 3) throw engineError("concurrent", "error: the stack is currently locked by 1 lock(s)");
      return ok();
    };
    const worker = createTestWorker(services, engine, { concurrent: { delayMs: 10_000, maxWaitMs: 600_000 }, random: () => 0.5 });
    const tenant = await createTenant(services.db);
    const op = await enqueue(services, tenant.env.id, "UP", { maxAttempts: 2 });
    for (let i = 0; i < 3; i++) {
      expect(await worker.runNext()).toBe(true);
      const row = await operation(services, op.id);
      // Three conflicts with maxAttempts 2, still queued: they did not count.
      expect(row).toMatchObject({ status: "QUEUED", attempt: 0, error: "error: the stack is currently locked by 1 lock(s)" });
      expect(row.runAfter.getTime() - now.getTime()).toBe(7_500); // delay · (0.5 + random/2)
      now = row.runAfter;
      services.clock.set(now);
    }
    expect(await worker.runNext()).toBe(true);
    expect(await operation(services, op.id)).toMatchObject({ status: "SUCCEEDED", attempt: 1 });
  });

  it("is bounded: past the longest wait, a conflict counts as a failed attempt", async () => {
    const start = new Date("2026-11-22T15:00:00Z");
    services.clock.set(start);
    const engine = new FakeEngine();
    engine.script = async () => {
      throw engineError("concurrent", "error: the stack is currently locked by 1 lock(s)");
    };
    const worker = createTestWorker(services, engine, { concurrent: { delayMs: 10_000, maxWaitMs: 60_000 } });
    const tenant = await createTenant(services.db);
    const op = await enqueue(services, tenant.env.id, "PREVIEW", { maxAttempts: 1 });
    expect(await worker.runNext()).toBe(true);
    expect(await operation(services, op.id)).toMatchObject({ status: "QUEUED", attempt: 0 });
    services.clock.set(new Date(start.getTime() + 61_000));
    expect(await worker.runNext()).toBe(true);
    expect(await operation(services, op.id)).toMatchObject({
      status: "FAILED",
      attempt: 1,
      error: "error: the stack is currently locked by 1 lock(s)",
    });
  });
});
