// Cancellation through the API: a queued operation is cancelled directly; a running one is flagged,
// and its worker notices on its next heartbeat and aborts the engine through the AbortSignal.
import { afterAll, beforeAll, expect, it } from "vitest";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { engineError, FakeEngine, untilAborted } from "./support/fake-engine.ts";
import { createTenant, createTestWorker, enqueue, operation, waitFor } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

it("cancels a queued operation directly; no worker ever runs it", async () => {
  const tenant = await createTenant(services.db);
  const op = await enqueue(services, tenant.env.id, "UP");
  const operator = await callerFor(services, "operator@opus.example");
  const cancelled = await operator.environments.cancel({ institutionId: tenant.id, operationId: op.id });
  expect(cancelled).toMatchObject({ status: "CANCELLED" });
  const engine = new FakeEngine();
  expect(await createTestWorker(services, engine).runNext()).toBe(false);
  expect(engine.calls).toHaveLength(0);
  // Nothing ran, so the environment is untouched.
  expect((await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } })).status).toBe("ACTIVE");
  const audit = await services.db.auditEvent.findFirstOrThrow({ where: { action: "environment.operation_cancelled", targetId: op.id } });
  expect(audit.actorEmail).toBe("operator@opus.example");
});

it("cancelling a deploy that waits for its retry leaves the environment FAILED, not PROVISIONING forever", async () => {
  const tenant = await createTenant(services.db);
  const op = await enqueue(services, tenant.env.id, "UP");
  const engine = new FakeEngine();
  engine.script = async () => {
    throw engineError("failed", "error: timed out");
  };
  expect(await createTestWorker(services, engine).runNext()).toBe(true);
  expect(await operation(services, op.id)).toMatchObject({ status: "QUEUED", attempt: 1 });
  expect((await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } })).status).toBe("PROVISIONING");
  const operator = await callerFor(services, "operator@opus.example");
  expect(await operator.environments.cancel({ institutionId: tenant.id, operationId: op.id })).toMatchObject({ status: "CANCELLED" });
  const env = await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } });
  expect(env).toMatchObject({ status: "FAILED", failedOperationId: op.id });
});

it("cancels a running operation: the worker aborts the engine and records CANCELLED", async () => {
  const tenant = await createTenant(services.db);
  const op = await enqueue(services, tenant.env.id, "UP");
  const engine = new FakeEngine();
  let signal: AbortSignal | undefined;
  engine.script = (input) => {
    signal = input.signal;
    input.onLog("creating namespace…");
    return untilAborted(input.signal);
  };
  const worker = createTestWorker(services, engine);
  worker.start();
  await waitFor(async () => engine.runs().length === 1);

  const operator = await callerFor(services, "operator@opus.example");
  const flagged = await operator.environments.cancel({ institutionId: tenant.id, operationId: op.id });
  expect(flagged.status).toBe("RUNNING");
  expect(flagged.cancelRequestedAt).not.toBeNull();

  const done = await waitFor(async () => {
    const row = await operation(services, op.id);
    return row.status === "CANCELLED" && row;
  });
  await worker.stop();
  expect(signal?.aborted).toBe(true);
  expect(done.finishedAt).not.toBeNull();
  // Stopped part-way through an upgrade: the environment says so and points at the operation.
  expect(await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } })).toMatchObject({
    status: "FAILED",
    failedOperationId: op.id,
  });
  expect(await services.db.auditEvent.count({ where: { action: "environment.operation_cancelled", targetId: op.id } })).toBe(1);
  await expect(operator.environments.cancel({ institutionId: tenant.id, operationId: op.id })).rejects.toMatchObject({ code: "CONFLICT" });
});
