// Deploy and preview asked without an idempotency key are keyed by the server: one pending
// (queued or running) operation of a kind per stack, so a double click or a retried request
// never queues a second run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { FakeEngine, ok } from "./support/fake-engine.ts";
import { createTenant, createTestWorker } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const requested = (environmentId: string) =>
  services.db.auditEvent.count({
    where: { action: "environment.operation_requested", data: { path: ["environmentId"], equals: environmentId } },
  });

describe.each(["deploy", "preview"] as const)("environments.%s without an idempotency key", (procedure) => {
  it("queues one operation and one audit event for 50 concurrent calls at one environment", async () => {
    const tenant = await createTenant(services.db);
    const operator = await callerFor(services, "operator@opus.example");
    const input = { institutionId: tenant.id, environmentId: tenant.env.id };
    const results = await Promise.all(Array.from({ length: 50 }, () => operator.environments[procedure](input)));
    const ids = new Set(results.map((r) => r.operation.id));
    expect(ids.size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await services.db.operation.count({ where: { environmentId: tenant.env.id } })).toBe(1);
    expect(await requested(tenant.env.id)).toBe(1);
  });

  it("returns the pending one while it runs, and queues a new run once it ended", async () => {
    const tenant = await createTenant(services.db);
    const operator = await callerFor(services, "operator@opus.example");
    const input = { institutionId: tenant.id, environmentId: tenant.env.id };
    const first = await operator.environments[procedure](input);
    const engine = new FakeEngine();
    let during: Awaited<ReturnType<typeof operator.environments.deploy>> | null = null;
    engine.script = async (run) => {
      if (run.stackName === tenant.env.stackName) during = await operator.environments[procedure](input);
      return ok();
    };
    // Earlier tests leave queued operations on other stacks: run them all.
    const worker = createTestWorker(services, engine);
    while (await worker.runNext());
    expect(during).toMatchObject({ created: false, operation: { id: first.operation.id, status: "RUNNING" } });
    const after = await operator.environments[procedure](input);
    expect(after.created).toBe(true);
    expect(after.operation.id).not.toBe(first.operation.id);
    expect(await requested(tenant.env.id)).toBe(2);
  });
});

describe("server keying", () => {
  it("keeps kinds and stacks apart, and leaves requests with their own key alone", async () => {
    const [a, b] = [await createTenant(services.db), await createTenant(services.db)];
    const operator = await callerFor(services, "operator@opus.example");
    const onA = { institutionId: a.id, environmentId: a.env.id };
    const deploy = await operator.environments.deploy(onA);
    const preview = await operator.environments.preview(onA);
    const other = await operator.environments.deploy({ institutionId: b.id, environmentId: b.env.id });
    const keyed = await operator.environments.deploy({ ...onA, idempotencyKey: "click-7" });
    for (const r of [deploy, preview, other, keyed]) expect(r.created).toBe(true);
    expect(new Set([deploy, preview, other, keyed].map((r) => r.operation.id)).size).toBe(4);
  });

  it("the database holds one pending server-keyed operation per stack and kind, whatever the application does", async () => {
    const tenant = await createTenant(services.db);
    const row = (key: string) => ({
      environmentId: tenant.env.id,
      stackName: tenant.env.stackName,
      kind: "UP" as const,
      idempotencyKey: key,
      runAfter: new Date(),
    });
    await services.db.operation.create({ data: row("pending:first") });
    await expect(services.db.operation.create({ data: row("pending:second") })).rejects.toThrow(/Unique constraint/);
    // A keyed request, and a server-keyed one once the first has ended, are not held back.
    await services.db.operation.create({ data: row("request:someone:click") });
    await services.db.operation.updateMany({ where: { idempotencyKey: "pending:first" }, data: { status: "SUCCEEDED" } });
    await services.db.operation.create({ data: row("pending:third") });
  });
});
