// POST /api/v1/heartbeat with the installation's key, and the version matrix built from what runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTenant } from "../provisioning/support/fixtures.ts";
import { callerFor } from "../support/callers.ts";
import { startTestServer } from "../support/http-client.ts";
import { makeRelease } from "../support/release-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  services = await createTestServices();
  server = await startTestServer(services);
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

const admin = () => callerFor(services, "admin@opus.example");
const beat = {
  release: "7.2.0",
  chartVersion: "7.2.0",
  kubernetesVersion: "v1.29.3",
  components: [{ name: "consent", status: "healthy" }],
};

async function keyFor(institutionId: string, environmentId?: string) {
  const api = await admin();
  return (await api.apiKeys.create({ institutionId, name: "installation", ...(environmentId ? { environmentId } : {}) })).key;
}

function post(key: string | null, body: unknown) {
  return fetch(`${server.base}/api/v1/heartbeat`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe("POST /api/v1/heartbeat", () => {
  it("records a self-managed installation's release, chart, Kubernetes version and health; its release is the running one", async () => {
    services.clock.set(new Date("2026-12-03T12:00:00Z"));
    const tenant = await createTenant(services.db, { mode: "SELF_MANAGED" });
    const key = await keyFor(tenant.id, tenant.env.id);
    const res = await post(key, beat);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ environmentId: tenant.env.id, receivedAt: "2026-12-03T12:00:00.000Z" });
    const env = await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } });
    expect(env).toMatchObject({ releaseVersion: "7.2.0", kubernetesVersion: "v1.29.3", lastHeartbeatAt: new Date("2026-12-03T12:00:00Z") });
    expect(env.heartbeat).toMatchObject({ chartVersion: "7.2.0", components: [{ name: "consent", status: "healthy" }] });
    services.clock.set(null);
  });

  it("never sets the running release of an environment Opus runs (that comes from its deploy)", async () => {
    const tenant = await createTenant(services.db);
    await services.db.environment.update({ where: { id: tenant.env.id }, data: { releaseVersion: "7.0.0" } });
    expect((await post(await keyFor(tenant.id, tenant.env.id), beat)).status).toBe(200);
    const env = await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } });
    expect(env).toMatchObject({ releaseVersion: "7.0.0", kubernetesVersion: "v1.29.3" });
  });

  it("refuses another tenant's environment, an unscoped key without environmentId, bad versions and no key", async () => {
    const mine = await createTenant(services.db, { mode: "SELF_MANAGED" });
    const theirs = await createTenant(services.db, { mode: "SELF_MANAGED" });
    const unscoped = await keyFor(mine.id);
    expect((await post(unscoped, { ...beat, environmentId: theirs.env.id })).status).toBe(404);
    expect((await post(unscoped, beat)).status).toBe(400);
    const scoped = await keyFor(mine.id, mine.env.id);
    expect((await post(scoped, { ...beat, environmentId: theirs.env.id })).status).toBe(403);
    const bad = await post(scoped, { ...beat, kubernetesVersion: "latest" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("Kubernetes version");
    expect((await post(null, beat)).status).toBe(401);
    expect((await services.db.environment.findUniqueOrThrow({ where: { id: theirs.env.id } })).lastHeartbeatAt).toBeNull();
  });

  it("is described in the OpenAPI document", async () => {
    const doc = (await (await fetch(`${server.base}/api/v1/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toContain("/api/v1/heartbeat");
  });
});

describe("the version matrix", () => {
  it("counts environments by release and mode, flags skew, counts versions, times adoption, exports CSV", async () => {
    services.clock.set(new Date("2026-12-05T12:00:00Z"));
    await makeRelease(services.db, "AVAILABLE", "8.5.0", { publishedAt: new Date("2026-12-01T00:00:00Z") });
    await makeRelease(services.db, "WITHDRAWN", "8.4.0");
    const behind = await createTenant(services.db);
    await services.db.environment.update({ where: { id: behind.env.id }, data: { releaseVersion: "8.1.0" } });
    const withdrawn = await createTenant(services.db, { mode: "MANAGED" });
    await services.db.environment.update({ where: { id: withdrawn.env.id }, data: { releaseVersion: "8.4.0" } });
    const current = await createTenant(services.db);
    await services.db.environment.update({ where: { id: current.env.id }, data: { releaseVersion: "8.5.0" } });
    await services.db.operation.create({
      data: {
        environmentId: current.env.id,
        stackName: current.env.stackName,
        kind: "UP",
        status: "SUCCEEDED",
        idempotencyKey: `adopt-${current.env.id}`,
        releaseVersion: "8.5.0",
        finishedAt: new Date("2026-12-02T06:00:00Z"),
      },
    });
    const stale = await createTenant(services.db, { mode: "SELF_MANAGED" });
    await services.db.environment.update({
      where: { id: stale.env.id },
      data: { releaseVersion: "8.5.0", lastHeartbeatAt: new Date("2026-12-05T10:00:00Z") },
    });

    const api = await admin();
    const matrix = await api.releases.matrix({ maxMinorsBehind: 2, staleAfterMinutes: 60 });
    expect(matrix.latest).toBe("8.5.0");
    const row = (v: string) => matrix.versions.find((r) => r.version === v);
    expect(row("8.5.0")).toMatchObject({ counts: { SAAS: 1, MANAGED: 0, SELF_MANAGED: 1 }, hoursToAdoption: 30 });
    expect(row("8.4.0")?.counts.MANAGED).toBe(1);
    const skew = (id: string) => matrix.environments.find((e) => e.environmentId === id)?.skew;
    expect(skew(behind.env.id)).toEqual(["4 minor versions behind 8.5.0"]);
    expect(skew(withdrawn.env.id)).toEqual(["on a withdrawn release"]);
    expect(skew(current.env.id)).toEqual([]);
    expect(skew(stale.env.id)).toEqual(["heartbeat stale since 2026-12-05T10:00:00.000Z"]);
    expect(matrix.distinctVersions).toBeGreaterThanOrEqual(3);
    // A longer stale age: no longer stale.
    const lenient = await api.releases.matrix({ maxMinorsBehind: 5, staleAfterMinutes: 240 });
    expect(lenient.environments.find((e) => e.environmentId === stale.env.id)?.skew).toEqual([]);
    expect(lenient.environments.find((e) => e.environmentId === behind.env.id)?.skew).toEqual([]);

    const file = await api.releases.exportMatrix({ maxMinorsBehind: 2, staleAfterMinutes: 60 });
    const text = Buffer.from(file.base64, "base64").toString("utf8");
    expect(text.split("\r\n")[0]).toBe("environment,mode,kind,release,skew");
    expect(text).toContain(`${behind.slug} (production),SAAS,PRODUCTION,8.1.0,4 minor versions behind 8.5.0`);
    services.clock.set(null);
  });
});
