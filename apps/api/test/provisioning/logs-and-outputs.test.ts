// What a run leaves behind: every log line, in order, visible while it runs; the summary, the
// non-secret outputs and the duration; the environment ACTIVE with what the run produced; drift
// checks that set driftDetectedAt/lastRefreshAt, scheduled once per environment and time window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scheduleDriftChecks } from "../../src/provisioning/drift-schedule.ts";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { delay, FakeEngine, ok } from "./support/fake-engine.ts";
import {
  createTenant,
  createTestWorker,
  DB_PASSWORD,
  enqueue,
  must,
  operation,
  QUEUE_PASSWORD,
  TEST_CONFIG,
  waitFor,
} from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

describe("a successful deploy", () => {
  it("persists logs live and in order, and stores summary, outputs and duration without secrets", async () => {
    const tenant = await createTenant(services.db, { status: "APPROVED", envStatus: "PENDING" });
    const env = tenant.env;
    const op = await enqueue(services, env.id, "UP");
    let release!: () => void;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const engine = new FakeEngine();
    engine.script = async (input) => {
      for (let i = 0; i < 300; i++) {
        input.onLog(`line ${i}`);
        if (i % 50 === 0) await delay(1);
      }
      // A provider error echoing a connection string: the password must not reach the database.
      input.onLog(`postgres://${input.spec.database.adminUser}:${input.spec.database.adminPassword}@db:5432`);
      await gate;
      return ok(
        {
          namespace: `${tenant.slug}-production`,
          gatewayUrl: `https://${tenant.slug}.example`,
          leakedUrl: `amqp://admin:${QUEUE_PASSWORD}@mq`,
        },
        { create: 7, same: 2 },
      );
    };
    const worker = createTestWorker(services, engine);
    worker.start();

    // Live: lines are in the table while the operation is still RUNNING.
    await waitFor(async () => (await services.db.operationLog.count({ where: { operationId: op.id } })) >= 300);
    expect((await operation(services, op.id)).status).toBe("RUNNING");
    expect((await services.db.environment.findUniqueOrThrow({ where: { id: env.id } })).status).toBe("PROVISIONING");
    release();
    await waitFor(async () => (await operation(services, op.id)).status === "SUCCEEDED");
    await worker.stop();

    const lines = (await services.db.operationLog.findMany({ where: { operationId: op.id }, orderBy: { id: "asc" } })).map((l) => l.line);
    const engineLines = lines.filter((l) => l.startsWith("line "));
    expect(engineLines).toEqual(Array.from({ length: 300 }, (_, i) => `line ${i}`));
    expect(lines.some((l) => l.includes("[secret]@db:5432"))).toBe(true);

    const done = await operation(services, op.id);
    expect(done.summary).toEqual({ create: 7, same: 2 });
    expect(done.outputs).toEqual({
      namespace: `${tenant.slug}-production`,
      gatewayUrl: `https://${tenant.slug}.example`,
      leakedUrl: "amqp://admin:[secret]@mq",
    });
    const duration = must(done.finishedAt).getTime() - must(done.startedAt).getTime();
    expect(duration).toBeGreaterThanOrEqual(0);

    const stored = JSON.stringify([
      lines,
      done,
      await services.db.environment.findUniqueOrThrow({ where: { id: env.id } }),
      await services.db.auditEvent.findMany({ omit: { seq: true } }),
    ]);
    for (const secret of [DB_PASSWORD, QUEUE_PASSWORD]) expect(stored).not.toContain(secret);

    expect(await services.db.environment.findUniqueOrThrow({ where: { id: env.id } })).toMatchObject({
      status: "ACTIVE",
      namespace: `${tenant.slug}-production`,
      releaseVersion: TEST_CONFIG.defaultRelease.version,
      cluster: "saas-sa-east-1",
      outputs: done.outputs,
      failedOperationId: null,
    });
    expect((await services.db.institution.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("ACTIVE");

    // The console's view: duration, and the log tail by cursor.
    const viewer = await callerFor(services, "admin@opus.example");
    const shown = await viewer.environments.getOperation({ institutionId: tenant.id, operationId: op.id });
    expect(shown.durationMs).toBe(duration);
    const page = await viewer.environments.operationLogs({ institutionId: tenant.id, operationId: op.id });
    expect(page.lines.map((l) => l.line)).toEqual(lines);
    expect(page.complete).toBe(true);
    const none = await viewer.environments.operationLogs({ institutionId: tenant.id, operationId: op.id, afterId: must(page.nextAfterId) });
    expect(none).toMatchObject({ lines: [], nextAfterId: page.nextAfterId, complete: true });
  });
});

describe("drift", () => {
  it("a preview-only refresh sets driftDetectedAt and lastRefreshAt, and clears drift when there is none", async () => {
    const t0 = new Date("2026-11-22T10:00:00Z");
    services.clock.set(t0);
    const tenant = await createTenant(services.db);
    const env = tenant.env;
    const engine = new FakeEngine();
    let drifted = true;
    engine.script = async () => ({ ...ok(), driftDetected: drifted });
    const worker = createTestWorker(services, engine);

    await enqueue(services, env.id, "REFRESH");
    expect(await worker.runNext()).toBe(true);
    expect(engine.runs()[0]).toMatchObject({ kind: "refresh", previewOnly: true });
    expect(await services.db.environment.findUniqueOrThrow({ where: { id: env.id } })).toMatchObject({
      driftDetectedAt: t0,
      lastRefreshAt: t0,
      status: "ACTIVE",
    });

    drifted = false;
    const t1 = new Date(t0.getTime() + 60_000);
    services.clock.set(t1);
    await enqueue(services, env.id, "REFRESH");
    expect(await worker.runNext()).toBe(true);
    expect(await services.db.environment.findUniqueOrThrow({ where: { id: env.id } })).toMatchObject({
      driftDetectedAt: null,
      lastRefreshAt: t1,
    });
  });

  it("schedules one drift check per ACTIVE environment per time window", async () => {
    const every = 15 * 60_000;
    const now = new Date("2026-11-22T11:01:00Z");
    const first = await scheduleDriftChecks(services.db, now, every);
    const active = await services.db.environment.count({
      where: { status: "ACTIVE", institution: { deploymentMode: { in: ["SAAS", "MANAGED"] } } },
    });
    expect(first).toBe(active);
    expect(await scheduleDriftChecks(services.db, new Date(now.getTime() + 60_000), every)).toBe(0);
    // Next window, the previous checks finished: a new round.
    await services.db.operation.updateMany({ where: { kind: "REFRESH", status: "QUEUED" }, data: { status: "SUCCEEDED" } });
    expect(await scheduleDriftChecks(services.db, new Date(now.getTime() + every), every)).toBe(active);
    expect(await services.db.operation.count({ where: { idempotencyKey: { startsWith: "drift:" } } })).toBe(2 * active);
  });
});
