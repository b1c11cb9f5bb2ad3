// Several workers, each with its own connection pool and several slots, drain one queue: runs of
// one stack never overlap (and keep their order), runs of different stacks do run in parallel.
import type { Db } from "@opus/db/client";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { delay, FakeEngine, ok } from "./support/fake-engine.ts";
import { createTenant, createTestWorker, enqueue, must, separateDb, waitFor } from "./support/fixtures.ts";

let services: TestServices;
const pools: Db[] = [];
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(async () => {
  await Promise.all(pools.map((db) => db.$disconnect()));
  await services.cleanup();
});

it("never overlaps two operations of one stack, while different stacks run in parallel", async () => {
  const engine = new FakeEngine();
  engine.script = async (input) => {
    await delay(15 + Math.random() * 20);
    return ok({ namespace: input.stackName });
  };
  const stacks = 4;
  const perStack = 4;
  const tenants = await Promise.all(Array.from({ length: stacks }, () => createTenant(services.db)));
  const enqueued: { id: string; stackName: string }[] = [];
  for (let i = 0; i < perStack; i++) {
    for (const tenant of tenants) enqueued.push(await enqueue(services, tenant.env.id, i % 2 ? "PREVIEW" : "UP"));
  }

  const workers = Array.from({ length: 4 }, () => {
    const db = separateDb(services);
    pools.push(db);
    return createTestWorker(services, engine, { concurrency: 3, pollMs: 5 }, db);
  });
  for (const worker of workers) worker.start();
  await waitFor(
    async () =>
      (await services.db.operation.count({ where: { id: { in: enqueued.map((o) => o.id) }, status: "SUCCEEDED" } })) === enqueued.length,
    50_000,
  );
  await Promise.all(workers.map((w) => w.stop()));

  const runs = engine.runs();
  expect(runs).toHaveLength(stacks * perStack);
  for (const tenant of tenants) {
    const stack = tenant.env.stackName;
    const ofStack = runs.filter((r) => r.stackName === stack).sort((a, b) => a.start - b.start);
    ofStack.slice(1).forEach((run, i) => {
      expect(run.start).toBeGreaterThanOrEqual(must(ofStack[i]?.end));
    });
    // First in, first out per stack: the kinds alternate as they were queued.
    expect(ofStack.map((r) => r.kind)).toEqual(["up", "preview", "up", "preview"]);
  }
  // Different stacks did overlap in time: the exclusion is per stack, not global.
  const ended = (run: { end?: number }) => must(run.end);
  const peak = Math.max(...runs.map((r) => runs.filter((o) => o.start < ended(r) && ended(o) > r.start).length));
  expect(peak).toBeGreaterThan(1);
  const owners = await services.db.operation.findMany({ where: { id: { in: enqueued.map((o) => o.id) } }, select: { lockedBy: true } });
  expect(new Set(owners.map((o) => o.lockedBy)).size).toBeGreaterThan(1);
}, 60_000);
