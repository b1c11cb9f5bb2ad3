// The environment as the console shows it never contradicts itself: an active environment shows
// the outputs of the deploy that produced it, and a drift check that failed is reported as failed.
import { driftState } from "@opus/rules/environment-operations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createTenant, must } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

async function run(environmentId: string, stackName: string, data: Record<string, unknown>) {
  return services.db.operation.create({
    data: { environmentId, stackName, idempotencyKey: `view-${Math.random()}`, kind: "UP", status: "SUCCEEDED", ...data },
  });
}

describe("an environment's view", () => {
  it("shows the outputs of the deploy that produced an active environment whose own record has none", async () => {
    const tenant = await createTenant(services.db);
    await services.db.environment.update({ where: { id: tenant.env.id }, data: { releaseVersion: "3.4.0", outputs: undefined } });
    await run(tenant.env.id, tenant.env.stackName, {
      outputs: { namespace: "old" },
      finishedAt: minutesAgo(60),
      createdAt: minutesAgo(61),
    });
    const latest = await run(tenant.env.id, tenant.env.stackName, {
      outputs: { namespace: tenant.env.stackName, gatewayUrl: "https://gw.example" },
      finishedAt: minutesAgo(10),
      createdAt: minutesAgo(11),
    });
    await run(tenant.env.id, tenant.env.stackName, {
      status: "FAILED",
      error: "boom",
      finishedAt: minutesAgo(1),
      createdAt: minutesAgo(2),
    });
    const operator = await callerFor(services, "operator@opus.example");
    const environment = must((await operator.environments.find({ institutionId: tenant.id }))[0]);
    expect(environment.outputs).toEqual({ namespace: tenant.env.stackName, gatewayUrl: "https://gw.example" });
    expect(environment.deployedBy).toMatchObject({ operationId: latest.id });
  });

  it("keeps the environment's own outputs when it has them", async () => {
    const tenant = await createTenant(services.db);
    await services.db.environment.update({ where: { id: tenant.env.id }, data: { outputs: { namespace: "recorded" } } });
    await run(tenant.env.id, tenant.env.stackName, { outputs: { namespace: "from-run" }, finishedAt: minutesAgo(10) });
    const operator = await callerFor(services, "operator@opus.example");
    expect(must((await operator.environments.find({ institutionId: tenant.id }))[0]).outputs).toEqual({ namespace: "recorded" });
  });

  it("reports a drift check that failed after the last successful one, with its reason for staff", async () => {
    const tenant = await createTenant(services.db);
    await services.db.environment.update({ where: { id: tenant.env.id }, data: { lastRefreshAt: minutesAgo(60) } });
    await run(tenant.env.id, tenant.env.stackName, {
      kind: "REFRESH",
      status: "FAILED",
      error: "error: refresh: cluster unreachable",
      attempt: 5,
      createdAt: minutesAgo(5),
      finishedAt: minutesAgo(4),
    });
    // A check scheduled for tomorrow has not happened: it does not hide the failed one.
    await run(tenant.env.id, tenant.env.stackName, { kind: "REFRESH", status: "QUEUED", runAfter: new Date(Date.now() + 86_400_000) });
    const operator = await callerFor(services, "operator@opus.example");
    const environment = must((await operator.environments.find({ institutionId: tenant.id }))[0]);
    expect(environment.latestCheck).toMatchObject({ status: "FAILED", error: "error: refresh: cluster unreachable" });
    expect(driftState(environment)).toBe("check-failed");
  });

  it("an approved institution whose every environment failed its first deploy says setup failed, in its detail and in the list", async () => {
    const failed = await createTenant(services.db, { status: "APPROVED", envStatus: "FAILED", kinds: ["HOMOLOGATION", "PRODUCTION"] });
    const coming = await createTenant(services.db, { status: "APPROVED", envStatus: "PENDING" });
    const operator = await callerFor(services, "operator@opus.example");
    expect(await operator.institutions.get({ institutionId: failed.id })).toMatchObject({ status: "APPROVED", setupFailed: true });
    expect(await operator.institutions.get({ institutionId: coming.id })).toMatchObject({ status: "APPROVED", setupFailed: false });
    const list = await operator.institutions.find({ search: failed.legalName });
    expect(list.items.find((i) => i.id === failed.id)).toMatchObject({ setupFailed: true });
  });
});
