// The audit wrapper's promise: the change and its event commit together or not at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { audited } from "../../src/domain/audit/audited.ts";
import { SYSTEM_SOURCE } from "../../src/domain/audit/system-source.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const planData = (code: string) => ({ code, name: code, size: "SMALL" as const });

describe("audited", () => {
  it("commits the change and exactly one event together", async () => {
    const before = await services.db.auditEvent.count();
    await audited(SYSTEM_SOURCE, services.db, async (tx) => {
      const plan = await tx.plan.create({ data: planData("audited-ok") });
      return { result: plan, audit: { action: "plan.created", targetType: "plan", targetId: plan.id } };
    });
    expect(await services.db.plan.count({ where: { code: "audited-ok" } })).toBe(1);
    expect(await services.db.auditEvent.count()).toBe(before + 1);
  });

  it("undoes the change when its event cannot be written", async () => {
    const before = await services.db.auditEvent.count();
    await expect(
      audited(SYSTEM_SOURCE, services.db, async (tx) => {
        const plan = await tx.plan.create({ data: planData("audited-unrecorded") });
        // Data the chain cannot hash (a BigInt is not JSON): the event is refused after the change ran.
        const data = { amount: 1n } as unknown as Record<string, number>;
        return { result: plan, audit: { action: "plan.created", targetId: plan.id, data } };
      }),
    ).rejects.toThrow();
    expect(await services.db.plan.count({ where: { code: "audited-unrecorded" } })).toBe(0);
    expect(await services.db.auditEvent.count()).toBe(before);
  });

  it("writes no event when the change throws", async () => {
    const before = await services.db.auditEvent.count();
    await expect(
      audited(SYSTEM_SOURCE, services.db, async (tx) => {
        await tx.plan.create({ data: planData("audited-thrown") });
        throw new Error("refused half-way");
      }),
    ).rejects.toThrow("refused half-way");
    expect(await services.db.plan.count({ where: { code: "audited-thrown" } })).toBe(0);
    expect(await services.db.auditEvent.count()).toBe(before);
  });
});
