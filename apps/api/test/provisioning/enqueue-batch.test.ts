// enqueueOperations (the rollout's batch of launches) keeps enqueueOperation's rules for each
// operation: one key, one operation, however many identical batches run at once; the operation
// rules refuse per environment without failing the others; a key used for another environment
// is a conflict that changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueOperations, type KeyedOperationInput } from "../../src/domain/environments/enqueue-operations.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createTenant } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const now = new Date("2026-12-03T15:00:00Z");
const inBatch = (db: TestServices["db"], inputs: KeyedOperationInput[]) => db.$transaction((tx) => enqueueOperations(tx, { now }, inputs));

describe("enqueueOperations", () => {
  it("queues one operation per key for 12 concurrent identical batches, and refuses a suspended tenant's environment with the reason", async () => {
    const tenants = await Promise.all(Array.from({ length: 4 }, () => createTenant(services.db)));
    const suspended = await createTenant(services.db, { status: "SUSPENDED" });
    const envs = [...tenants, suspended].map((t) => t.env.id);
    const inputs = envs.map((environmentId) => ({
      environmentId,
      kind: "UP" as const,
      idempotencyKey: `batch-test:${environmentId}`,
      releaseVersion: "5.1.0",
    }));
    const batches = await Promise.all(Array.from({ length: 12 }, () => inBatch(services.db, inputs)));

    const ops = await services.db.operation.findMany({ where: { environmentId: { in: envs } } });
    expect(ops).toHaveLength(4);
    expect(ops.every((o) => o.status === "QUEUED" && o.kind === "UP" && o.releaseVersion === "5.1.0")).toBe(true);
    expect(ops.every((o) => o.runAfter.getTime() === now.getTime() && o.createdAt.getTime() === now.getTime())).toBe(true);
    for (const [i, environmentId] of envs.slice(0, 4).entries()) {
      const answers = batches.map((b) => b[i]?.operation);
      // Every batch answers with the same operation; exactly one of them created it.
      expect(new Set(answers.map((a) => a?.id))).toEqual(new Set([ops.find((o) => o.environmentId === environmentId)?.id]));
      expect(batches.filter((b) => b[i]?.operation && b[i]?.created)).toHaveLength(1);
    }
    for (const b of batches) {
      expect(b[4]?.refused?.code).toBe("INVALID_TRANSITION");
      expect(b[4]?.refused?.message).toContain(suspended.slug);
    }
  });

  it("a key already used for another environment is a conflict, and the batch adds nothing", async () => {
    const [a, b] = await Promise.all([createTenant(services.db), createTenant(services.db)]);
    await inBatch(services.db, [{ environmentId: a.env.id, kind: "UP", idempotencyKey: `taken:${a.env.id}` }]);
    await expect(
      inBatch(services.db, [
        { environmentId: b.env.id, kind: "UP", idempotencyKey: `fresh:${b.env.id}` },
        { environmentId: b.env.id, kind: "REFRESH", idempotencyKey: `taken:${a.env.id}` },
      ]),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await services.db.operation.count({ where: { environmentId: b.env.id } })).toBe(0);
  });
});
