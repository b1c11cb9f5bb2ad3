// Leases: a worker that dies mid-run leaves a RUNNING operation whose heartbeat goes stale; another
// worker takes it over, repairs the stack first, then runs it. A worker that shuts down hands its
// operations back at once, and a worker that lost its lease can no longer write.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finishOperation } from "../../src/provisioning/finish-operation.ts";
import { claimNext, heartbeat, reclaimStale } from "../../src/provisioning/queue.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { FakeEngine, ok, untilAborted } from "./support/fake-engine.ts";
import { createTenant, createTestWorker, enqueue, must, operation, waitFor } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const LEASE = 30_000;

describe("a worker killed mid-run", () => {
  it("is taken over after its lease by another worker, which repairs the stack before running", async () => {
    const start = new Date("2026-11-22T12:00:00Z");
    services.clock.set(start);
    const tenant = await createTenant(services.db);
    const op = await enqueue(services, tenant.env.id, "UP");
    // The doomed worker claims it and is never heard from again.
    expect(await claimNext(services.db, "doomed-worker", start)).toEqual({ id: op.id, reclaimed: false });

    const engine = new FakeEngine();
    const survivor = createTestWorker(services, engine, { leaseMs: LEASE, workerId: "survivor" });
    services.clock.set(new Date(start.getTime() + LEASE - 1_000));
    expect(await survivor.runNext()).toBe(false); // still within its lease: hands off
    expect(engine.calls).toHaveLength(0);

    services.clock.set(new Date(start.getTime() + LEASE + 1_000));
    expect(await survivor.runNext()).toBe(true);
    expect(engine.calls.map((c) => c.type)).toEqual(["repair", "run"]);
    expect(must(engine.calls[0]?.end)).toBeLessThanOrEqual(must(engine.calls[1]).start);
    expect(await operation(services, op.id)).toMatchObject({ status: "SUCCEEDED", lockedBy: "survivor", attempt: 2 });
    const lines = await services.db.operationLog.findMany({ where: { operationId: op.id }, orderBy: { id: "asc" } });
    expect(lines.map((l) => l.line)).toContain("repaired");
  });

  it("fences the old worker: after a takeover its heartbeat reports the loss and its writes do nothing", async () => {
    const start = new Date("2026-11-22T13:00:00Z");
    services.clock.set(start);
    const tenant = await createTenant(services.db);
    const op = await enqueue(services, tenant.env.id, "PREVIEW");
    await claimNext(services.db, "slow-worker", start);
    const later = new Date(start.getTime() + LEASE + 1);
    expect(await reclaimStale(services.db, "new-owner", later, LEASE)).toEqual({ id: op.id, reclaimed: true });
    expect(await heartbeat(services.db, op.id, "slow-worker", later)).toBe("lost");
    const row = await operation(services, op.id);
    await finishOperation(services.db, services.log, row, "slow-worker", { type: "failed", error: "too late" }, later);
    expect(await operation(services, op.id)).toMatchObject({ status: "RUNNING", lockedBy: "new-owner", error: null });
    // Leave nothing stale behind for the next test's workers to take over.
    await services.db.operation.update({ where: { id: op.id }, data: { status: "SUCCEEDED" } });
  });
});

describe("graceful shutdown", () => {
  it("aborts the run and hands the operation back, so another worker repairs and finishes it at once", async () => {
    services.clock.set(new Date("2026-11-22T14:00:00Z"));
    const tenant = await createTenant(services.db);
    const op = await enqueue(services, tenant.env.id, "UP");
    const first = new FakeEngine();
    let sawAbort = false;
    first.script = (input) =>
      untilAborted(input.signal).finally(() => {
        sawAbort = true;
      });
    const stopping = createTestWorker(services, first, { leaseMs: LEASE });
    stopping.start();
    await waitFor(async () => first.runs().length === 1);
    await stopping.stop();
    expect(sawAbort).toBe(true);
    // Still RUNNING (the stack stays locked), without an owner, and the attempt was not spent.
    expect(await operation(services, op.id)).toMatchObject({ status: "RUNNING", lockedBy: null, heartbeatAt: null, attempt: 0 });

    const second = new FakeEngine();
    second.script = async () => ok({ namespace: "ns-after-takeover" });
    const next = createTestWorker(services, second, { leaseMs: LEASE });
    expect(await next.runNext()).toBe(true); // no lease to wait out
    expect(second.calls.map((c) => c.type)).toEqual(["repair", "run"]);
    expect(await operation(services, op.id)).toMatchObject({ status: "SUCCEEDED", attempt: 1 });
  });
});
