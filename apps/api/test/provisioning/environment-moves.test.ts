// Every environment status write goes through the state machine and is compare-and-set: an illegal
// move is refused, logged and surfaced (to the caller, or on the operation's error); a concurrent
// change is detected instead of overwritten.
import type { Enums } from "@opus/db/client";
import { ENVIRONMENT_STATUSES, ENVIRONMENT_TRANSITIONS } from "@opus/rules/environment-lifecycle";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { moveEnvironment, moveTenantEnvironments } from "../../src/domain/environments/environment-lifecycle.ts";
import { AppError } from "../../src/errors/app-error.ts";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { FakeEngine, ok } from "./support/fake-engine.ts";
import { createTenant, createTestWorker, enqueue, must, operation } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

/** A logger whose lines the test can read. */
function capturingLog() {
  const lines: { msg: string; from?: string; to?: string }[] = [];
  const log = pino({ level: "warn" }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** A burst of transactions over the test's small pool queues for a connection instead of failing after 2 s. */
const BURST = { maxWait: 30_000 };

const statusOf = async (id: string) => (await services.db.environment.findUniqueOrThrow({ where: { id } })).status;

describe("moveEnvironment", () => {
  const PAIRS = ENVIRONMENT_STATUSES.flatMap((from) => ENVIRONMENT_STATUSES.map((to) => [from, to] as const));

  it("moves along every allowed pair and refuses (and logs) every other one, changing nothing", async () => {
    const tenant = await createTenant(services.db);
    let refused = 0;
    for (const [from, to] of PAIRS) {
      await services.db.environment.update({ where: { id: tenant.env.id }, data: { status: from } });
      const { log, lines } = capturingLog();
      const result = await services.db
        .$transaction((tx) => moveEnvironment(tx, log, { id: tenant.env.id, from, to }))
        .then(
          () => "moved",
          (error: unknown) => error,
        );
      if (ENVIRONMENT_TRANSITIONS[from].includes(to)) {
        expect(result, `${from} → ${to}`).toBe("moved");
        expect(await statusOf(tenant.env.id)).toBe(to);
      } else {
        refused++;
        expect(result, `${from} → ${to}`).toBeInstanceOf(AppError);
        expect(result).toMatchObject({ code: "INVALID_TRANSITION", message: `Cannot move an environment from ${from} to ${to}` });
        expect(await statusOf(tenant.env.id)).toBe(from);
        expect(lines).toEqual([expect.objectContaining({ msg: "refused an illegal environment transition", from, to })]);
      }
    }
    expect(refused).toBe(36);
  });

  it("detects a change made since the environment was read instead of overwriting it", async () => {
    const tenant = await createTenant(services.db, { envStatus: "SUSPENDED" });
    // Read as ACTIVE a moment ago; it is SUSPENDED now.
    const { log, lines } = capturingLog();
    await expect(
      services.db.$transaction((tx) => moveEnvironment(tx, log, { id: tenant.env.id, from: "ACTIVE", to: "PROVISIONING" })),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await statusOf(tenant.env.id)).toBe("SUSPENDED");
    expect(lines).toEqual([expect.objectContaining({ msg: "environment status changed concurrently; move refused" })]);
  });

  it("lets exactly one of 50 concurrent identical moves win", async () => {
    const tenant = await createTenant(services.db);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () =>
        services.db.$transaction((tx) => moveEnvironment(tx, services.log, { id: tenant.env.id, from: "ACTIVE", to: "SUSPENDED" }), BURST),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const reasons = results.flatMap((r) => (r.status === "rejected" ? [r.reason as AppError] : []));
    expect(new Set(reasons.map((r) => r.code))).toEqual(new Set(["CONFLICT"]));
    expect(await statusOf(tenant.env.id)).toBe("SUSPENDED");
  });

  it("moves a tenant's environments together, and only one of 20 concurrent calls reports moving them", async () => {
    const tenant = await createTenant(services.db, { envStatus: "SUSPENDED", kinds: ["HOMOLOGATION", "PRODUCTION"] });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        services.db.$transaction(
          (tx) => moveTenantEnvironments(tx, services.log, { institutionId: tenant.id, from: "SUSPENDED", to: "ACTIVE" }),
          BURST,
        ),
      ),
    );
    const moved = results.filter((r) => r.status === "fulfilled" && r.value.length > 0);
    expect(moved).toHaveLength(1);
    for (const r of results) if (r.status === "rejected") expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const statuses = await services.db.environment.findMany({ where: { institutionId: tenant.id }, select: { status: true } });
    expect(statuses).toEqual([{ status: "ACTIVE" }, { status: "ACTIVE" }]);
    await expect(
      services.db.$transaction((tx) =>
        moveTenantEnvironments(tx, services.log, { institutionId: tenant.id, from: "ACTIVE", to: "DESTROYED" }),
      ),
    ).rejects.toMatchObject({ code: "INVALID_TRANSITION" });
  });
});

describe("the worker's moves", () => {
  it("a run whose environment cannot take its end fails with both facts on the operation; the environment is left as it is", async () => {
    const tenant = await createTenant(services.db);
    const op = await enqueue(services, tenant.env.id, "UP");
    const engine = new FakeEngine();
    // While the engine runs, something outside the machine's flow destroys the environment.
    engine.script = async () => {
      await services.db.environment.update({ where: { id: tenant.env.id }, data: { status: "DESTROYED" } });
      return ok();
    };
    expect(await createTestWorker(services, engine).runNext()).toBe(true);
    expect(await operation(services, op.id)).toMatchObject({
      status: "FAILED",
      error: "The run succeeded, but its environment could not be updated: Cannot move an environment from DESTROYED to ACTIVE",
    });
    expect(await statusOf(tenant.env.id)).toBe("DESTROYED");
    const events = await services.db.auditEvent.findMany({ where: { targetId: op.id } });
    expect(events.map((e) => e.action).sort()).toEqual(["environment.operation_failed", "environment.operation_requested"]);
  });

  it("moves the environment to PROVISIONING when a deploy starts and ACTIVE when it ends", async () => {
    const tenant = await createTenant(services.db, { envStatus: "FAILED" });
    const op = await enqueue(services, tenant.env.id, "UP");
    const seen: Enums.EnvironmentStatus[] = [];
    const engine = new FakeEngine();
    engine.script = async () => {
      seen.push(await statusOf(tenant.env.id));
      return ok();
    };
    await createTestWorker(services, engine).runNext();
    expect(seen).toEqual(["PROVISIONING"]);
    expect(await operation(services, op.id)).toMatchObject({ status: "SUCCEEDED" });
    expect(await statusOf(tenant.env.id)).toBe("ACTIVE");
  });
});

describe("tenant decisions", () => {
  it("confirming a self-managed tenant's destruction refuses an environment the machine cannot close, and changes nothing", async () => {
    const tenant = await createTenant(services.db, {
      mode: "SELF_MANAGED",
      status: "OFFBOARDING",
      kinds: ["HOMOLOGATION", "PRODUCTION"],
      envStatus: "PENDING",
    });
    const production = must(tenant.environments[1]);
    // Not a state Opus ever puts a self-managed environment in: the machine must refuse it, not hide it as destroyed.
    await services.db.environment.update({ where: { id: production.id }, data: { status: "ACTIVE" } });
    await services.db.institution.update({ where: { id: tenant.id }, data: { exportedAt: new Date(), retentionUntil: null } });
    const admin = await callerFor(services, "admin@opus.example");
    await expect(admin.institutions.confirmDestruction({ institutionId: tenant.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Cannot move an environment from ACTIVE to DESTROYED",
    });
    const envs = await services.db.environment.findMany({ where: { institutionId: tenant.id }, orderBy: { kind: "asc" } });
    expect(envs.map((e) => e.status)).toEqual(["PENDING", "ACTIVE"]);
    expect(await services.db.institution.findUniqueOrThrow({ where: { id: tenant.id } })).toMatchObject({ destroyedAt: null });
    expect(await services.db.auditEvent.count({ where: { institutionId: tenant.id, action: "institution.destruction_confirmed" } })).toBe(
      0,
    );
  });
});
