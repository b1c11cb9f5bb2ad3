// Offboarding's destroy step as the worker runs it, and the rules checked again at run time.
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { FakeEngine } from "./support/fake-engine.ts";
import { createTenant, createTestWorker, enqueue, operation } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

it("destroys an offboarding tenant's environments; a never-provisioned one without calling the engine", async () => {
  const tenant = await createTenant(services.db, { status: "OFFBOARDING", kinds: ["HOMOLOGATION", "PRODUCTION"] });
  const [homologation, production] = tenant.environments as [(typeof tenant.environments)[0], (typeof tenant.environments)[0]];
  await services.db.environment.update({ where: { id: homologation.id }, data: { status: "PENDING" } });
  const engine = new FakeEngine();
  const worker = createTestWorker(services, engine);
  const ops = [await enqueue(services, homologation.id, "DESTROY"), await enqueue(services, production.id, "DESTROY")];
  while (await worker.runNext());
  for (const op of ops) expect((await operation(services, op.id)).status).toBe("SUCCEEDED");
  expect(engine.runs().map((r) => [r.stackName, r.kind])).toEqual([[production.stackName, "destroy"]]);
  const envs = await services.db.environment.findMany({ where: { institutionId: tenant.id } });
  expect(envs.map((e) => [e.status, e.outputs])).toEqual([
    ["DESTROYED", null],
    ["DESTROYED", null],
  ]);
  expect((await services.db.institution.findUniqueOrThrow({ where: { id: tenant.id } })).status).toBe("OFFBOARDING");
});

it("re-checks the rules when it starts: a deploy queued before offboarding fails at once", async () => {
  const tenant = await createTenant(services.db);
  const op = await enqueue(services, tenant.env.id, "UP");
  await services.db.institution.update({ where: { id: tenant.id }, data: { status: "OFFBOARDING" } });
  const engine = new FakeEngine();
  expect(await createTestWorker(services, engine).runNext()).toBe(true);
  expect(await operation(services, op.id)).toMatchObject({
    status: "FAILED",
    attempt: 1,
    error: `Cannot deploy ${tenant.slug} while it is offboarding.`,
  });
  expect(engine.calls).toHaveLength(0);
  expect((await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } })).status).toBe("ACTIVE");
});
