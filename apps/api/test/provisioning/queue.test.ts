// The queue's own guarantees, straight against PostgreSQL: idempotent enqueue, one RUNNING
// operation per stack enforced by the database, claims that skip busy stacks and keep FIFO per stack.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNext, isStackLockViolation } from "../../src/provisioning/queue.ts";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createTenant, enqueue, must } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

describe("enqueue", () => {
  it("is idempotent: the same key returns the first operation", async () => {
    const tenant = await createTenant(services.db);
    const env = tenant.env;
    const results = await Promise.all(
      Array.from({ length: 6 }, () => enqueue(services, env.id, "PREVIEW", { idempotencyKey: "same-key-1" })),
    );
    expect(new Set(results.map((op) => op.id)).size).toBe(1);
    expect(await services.db.operation.count({ where: { environmentId: env.id } })).toBe(1);
  });

  it("six identical requests at once queue one operation and record one audit event", async () => {
    const tenant = await createTenant(services.db);
    const operator = await callerFor(services, "operator@opus.example");
    const input = { institutionId: tenant.id, environmentId: tenant.env.id, idempotencyKey: "same-click" };
    const results = await Promise.all(Array.from({ length: 6 }, () => operator.environments.preview(input)));
    expect(new Set(results.map((r) => r.operation.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(
      await services.db.auditEvent.count({ where: { action: "environment.operation_requested", targetId: must(results[0]).operation.id } }),
    ).toBe(1);
  });

  it("refuses a key reused for a different operation", async () => {
    const tenant = await createTenant(services.db);
    const env = tenant.env;
    await enqueue(services, env.id, "PREVIEW", { idempotencyKey: "same-key-2" });
    await expect(enqueue(services, env.id, "REFRESH", { idempotencyKey: "same-key-2" })).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("per-stack exclusion", () => {
  it("the database refuses a second RUNNING operation on one stack", async () => {
    const tenant = await createTenant(services.db);
    const env = tenant.env;
    const first = await enqueue(services, env.id, "PREVIEW");
    const second = await enqueue(services, env.id, "PREVIEW");
    await services.db.operation.update({ where: { id: first.id }, data: { status: "RUNNING" } });
    const error = await services.db.operation.update({ where: { id: second.id }, data: { status: "RUNNING" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    // The claim recognises this refusal as "someone else got the stack", not as a failure.
    expect(isStackLockViolation(error)).toBe(true);
  });

  it("a claim skips stacks with a running operation, keeps FIFO per stack, and takes other stacks", async () => {
    const [a, b] = [await createTenant(services.db), await createTenant(services.db)];
    const a1 = await enqueue(services, a.env.id, "PREVIEW");
    const a2 = await enqueue(services, a.env.id, "PREVIEW");
    const b1 = await enqueue(services, b.env.id, "PREVIEW");
    const now = services.clock.now();
    const claimed: string[] = [];
    for (let c = await claimNext(services.db, "w", now); c; c = await claimNext(services.db, "w", now)) claimed.push(c.id);
    expect(claimed.filter((id) => [a1.id, a2.id, b1.id].includes(id))).toEqual([a1.id, b1.id]);
    expect((await services.db.operation.findUniqueOrThrow({ where: { id: a2.id } })).status).toBe("QUEUED");
  });

  it("an older operation waiting for its retry holds back newer ones of its stack", async () => {
    const tenant = await createTenant(services.db);
    const env = tenant.env;
    const waiting = await enqueue(services, env.id, "UP");
    const later = await enqueue(services, env.id, "PREVIEW");
    const now = services.clock.now();
    await services.db.operation.update({ where: { id: waiting.id }, data: { runAfter: new Date(now.getTime() + 60_000) } });
    const ids: (string | undefined)[] = [];
    for (let i = 0; i < 5; i++) ids.push((await claimNext(services.db, "w", now))?.id);
    expect(ids).not.toContain(later.id);
    expect(ids).not.toContain(waiting.id);
  });
});
