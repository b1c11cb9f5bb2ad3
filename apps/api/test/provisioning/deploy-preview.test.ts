// "Approve and deploy" applies what the operator previewed: the preview records what it ran with,
// and a deploy of it is refused (nothing queued, nothing audited) once the tenant's records or the
// worker's configuration changed since, with a request to preview again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOperationWorker } from "../../src/provisioning/operation-worker.ts";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { FakeEngine } from "./support/fake-engine.ts";
import { createTenant, operation, TEST_CONFIG, testWorkerOptions, workerDeps } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const operator = () => callerFor(services, "operator@opus.example");
const engine = new FakeEngine();

/** Runs everything queued (other tests' operations included) with the given worker configuration. */
async function drain(config = TEST_CONFIG) {
  const worker = createOperationWorker({ ...workerDeps(services, engine), config }, testWorkerOptions());
  while (await worker.runNext());
}

async function previewed() {
  const tenant = await createTenant(services.db);
  const caller = await operator();
  const { operation: preview } = await caller.environments.preview({ institutionId: tenant.id, environmentId: tenant.env.id });
  await drain();
  return { tenant, caller, preview: await operation(services, preview.id) };
}

const deploys = (environmentId: string) => services.db.operation.count({ where: { environmentId, kind: "UP" } });
const requestEvents = (environmentId: string) =>
  services.db.auditEvent.count({
    where: { action: "environment.operation_requested", data: { path: ["environmentId"], equals: environmentId } },
  });

describe("a preview records what it ran with", () => {
  it("the spec's hash, the records' fingerprint and the release", async () => {
    const { preview } = await previewed();
    expect(preview.status).toBe("SUCCEEDED");
    expect(preview.specHash).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.specInputsHash).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.specReleaseVersion).toBe("3.5.0");
  });
});

describe("environments.deployPreview", () => {
  it("queues one deploy bound to the preview for 30 concurrent approvals, and it runs", async () => {
    const { tenant, caller, preview } = await previewed();
    const input = { institutionId: tenant.id, operationId: preview.id };
    const results = await Promise.all(Array.from({ length: 30 }, () => caller.environments.deployPreview(input)));
    expect(new Set(results.map((r) => r.operation.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await deploys(tenant.env.id)).toBe(1);
    expect(await requestEvents(tenant.env.id)).toBe(2); // the preview's request and the deploy's
    const deploy = await operation(services, results[0]?.operation.id ?? "");
    expect(deploy.previewOperationId).toBe(preview.id);
    await drain();
    expect((await operation(services, deploy.id)).status).toBe("SUCCEEDED");
    expect((await operation(services, deploy.id)).specHash).toBe(preview.specHash);
  });

  const changes = {
    "the release": (t: Awaited<ReturnType<typeof createTenant>>) =>
      services.db.environment.update({ where: { id: t.env.id }, data: { releaseVersion: "3.6.0" } }),
    "the plan": async (t: Awaited<ReturnType<typeof createTenant>>) => {
      const other = await services.db.plan.findFirstOrThrow({ where: { id: { not: t.planId ?? "" } }, orderBy: { code: "asc" } });
      await services.db.institution.update({ where: { id: t.id }, data: { planId: other.id } });
    },
    "the legal name": (t: Awaited<ReturnType<typeof createTenant>>) =>
      services.db.institution.update({ where: { id: t.id }, data: { legalName: "Renamed S.A." } }),
  };
  for (const [what, change] of Object.entries(changes)) {
    it(`is refused with a request to preview again when ${what} changed since the preview`, async () => {
      const { tenant, caller, preview } = await previewed();
      await change(tenant);
      await expect(caller.environments.deployPreview({ institutionId: tenant.id, operationId: preview.id })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
        message: expect.stringContaining("Preview again"),
      });
      expect(await deploys(tenant.env.id)).toBe(0);
      expect(await requestEvents(tenant.env.id)).toBe(1);
      // A new preview of the changed tenant can be approved.
      const { operation: again } = await caller.environments.preview({ institutionId: tenant.id, environmentId: tenant.env.id });
      await drain();
      expect((await caller.environments.deployPreview({ institutionId: tenant.id, operationId: again.id })).created).toBe(true);
    });
  }

  it("refuses a preview that has not succeeded, and a run that is not a preview", async () => {
    const tenant = await createTenant(services.db);
    const caller = await operator();
    const { operation: queued } = await caller.environments.preview({ institutionId: tenant.id, environmentId: tenant.env.id });
    await expect(caller.environments.deployPreview({ institutionId: tenant.id, operationId: queued.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const { operation: up } = await caller.environments.deploy({ institutionId: tenant.id, environmentId: tenant.env.id });
    await expect(caller.environments.deployPreview({ institutionId: tenant.id, operationId: up.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await deploys(tenant.env.id)).toBe(1);
  });

  it("fails the deploy before it touches the environment when the worker's configuration changed since the preview", async () => {
    const { tenant, caller, preview } = await previewed();
    const { operation: deploy } = await caller.environments.deployPreview({ institutionId: tenant.id, operationId: preview.id });
    const runsBefore = engine.runs().length;
    await drain({ ...TEST_CONFIG, defaultRelease: { ...TEST_CONFIG.defaultRelease, version: "3.7.0" } });
    const failed = await operation(services, deploy.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toContain("the preview ran release 3.5.0, this deploy would run 3.7.0");
    expect(failed.error).toContain("Preview again");
    expect(engine.runs().length).toBe(runsBefore);
    expect((await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } })).status).toBe("ACTIVE");
  });
});
