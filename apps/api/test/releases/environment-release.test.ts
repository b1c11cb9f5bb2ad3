// Per-environment release state: settings, the Kubernetes range and other refusals before anything
// changes, an upgrade through the ordinary operation path, the running release recorded from the
// operation that deployed it; the fleet's freeze and emergency halt.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeEngine, ok } from "../provisioning/support/fake-engine.ts";
import { createTenant, createTestWorker } from "../provisioning/support/fixtures.ts";
import { callerFor } from "../support/callers.ts";
import { concurrently, expectOneWinner } from "../support/concurrently.ts";
import { MODULES, makeRelease } from "../support/release-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const operator = () => callerFor(services, "operator@opus.example");
const admin = () => callerFor(services, "admin@opus.example");
const settings = {
  updateChannel: "REGULAR" as const,
  pinnedReleaseVersion: null,
  timeZone: "America/Sao_Paulo",
  maintenanceWindows: [] as { rrule: string; durationMinutes: number }[],
  freezes: [] as { from: string; until: string; reason: string }[],
};

describe("an environment's release state", () => {
  it("stores windows, freezes and policy, and says whether it may change now and why not", async () => {
    const tenant = await createTenant(services.db);
    services.clock.set(new Date("2026-12-03T15:00:00Z")); // a Thursday
    const api = await operator();
    const state = await api.releases.setEnvironmentSettings({
      institutionId: tenant.id,
      environmentId: tenant.env.id,
      ...settings,
      maintenanceWindows: [{ rrule: "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2", durationMinutes: 240 }],
    });
    expect(state).toMatchObject({ mayChangeNow: false, waitReason: "next maintenance window opens at 2026-12-06T05:00:00.000Z" });
    expect(await services.db.auditEvent.count({ where: { targetId: tenant.env.id, action: "environment.release_settings_changed" } })).toBe(
      1,
    );
    services.clock.set(null);
  });

  it("refuses unusable settings with the field's reason and changes nothing", async () => {
    const tenant = await createTenant(services.db);
    const api = await operator();
    const base = { institutionId: tenant.id, environmentId: tenant.env.id, ...settings };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ maintenanceWindows: [{ rrule: "BYDAY=SU", durationMinutes: 60 }] }, /FREQ/],
      [{ maintenanceWindows: [{ rrule: "FREQ=DAILY", durationMinutes: 5 }] }, /at least 15 minutes/],
      [{ timeZone: "Mars/Olympus" }, /IANA time zone/],
      [{ freezes: [{ from: "2026-12-10T00:00:00Z", until: "2026-12-01T00:00:00Z", reason: "x" }] }, /end after it starts/],
      [{ pinnedReleaseVersion: "latest" }, /semantic version/],
    ];
    for (const [change, message] of cases) {
      await expect(api.releases.setEnvironmentSettings({ ...base, ...change } as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(message),
      });
    }
    const env = await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } });
    expect(env.maintenanceWindows).toEqual([]);
    expect(env.timeZone).toBe("America/Sao_Paulo");
  });

  it("refuses an upgrade onto a cluster outside the release's Kubernetes range, with the reason, before anything changes", async () => {
    const tenant = await createTenant(services.db);
    await services.db.environment.update({ where: { id: tenant.env.id }, data: { kubernetesVersion: "v1.31.2" } });
    const release = await makeRelease(services.db, "AVAILABLE");
    const api = await operator();
    await expect(
      api.releases.upgradeEnvironment({ institutionId: tenant.id, environmentId: tenant.env.id, releaseId: release.id }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining(`its cluster runs Kubernetes 1.31, and release ${release.version} supports 1.27 to 1.30`),
    });
    expect(await services.db.operation.count({ where: { environmentId: tenant.env.id } })).toBe(0);
    expect((await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } })).desiredReleaseVersion).toBeNull();
  });

  it("checks a SaaS environment against its region's configured Kubernetes version (the shared cluster's), in upgrades and rollout plans", async () => {
    const tenant = await createTenant(services.db);
    // An old record of the cluster (1.29) and the region's configuration now (1.31): the shared cluster was upgraded.
    await services.db.environment.update({ where: { id: tenant.env.id }, data: { kubernetesVersion: "v1.29.8" } });
    const release = await makeRelease(services.db, "AVAILABLE");
    services.saasKubernetes["sa-east-1"] = "1.31";
    try {
      const refused = `its cluster runs Kubernetes 1.31, and release ${release.version} supports 1.27 to 1.30`;
      await expect(
        (await operator()).releases.upgradeEnvironment({ institutionId: tenant.id, environmentId: tenant.env.id, releaseId: release.id }),
      ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining(refused) });
      const plan = await (await admin()).rollouts.create({
        name: "Region check",
        releaseId: release.id,
        selection: { institutionIds: [tenant.id] },
        waves: [{ name: "All", maxConcurrency: { count: 1 }, soakMinutes: 0, failureThreshold: 1 }],
      });
      expect(plan.plan.environments).toEqual([expect.objectContaining({ action: "skip", reason: expect.stringContaining(refused) })]);
      expect(await services.db.operation.count({ where: { environmentId: tenant.env.id } })).toBe(0);
      await services.db.rollout.update({ where: { id: plan.id }, data: { status: "ABORTED" } });
    } finally {
      delete services.saasKubernetes["sa-east-1"];
    }
    // Without the region's version, the environment's own record (1.29) is in range.
    await (await operator()).releases.upgradeEnvironment({ institutionId: tenant.id, environmentId: tenant.env.id, releaseId: release.id });
    expect(await services.db.operation.count({ where: { environmentId: tenant.env.id } })).toBe(1);
    // Not for the next test's worker to run.
    await services.db.operation.updateMany({ where: { environmentId: tenant.env.id }, data: { status: "CANCELLED" } });
  });

  it("refuses a withdrawn release, a pin to another version, a version too old to upgrade from, and a closed window", async () => {
    const api = await operator();
    const upgrade = (tenant: { id: string; env: { id: string } }, releaseId: string) =>
      api.releases.upgradeEnvironment({ institutionId: tenant.id, environmentId: tenant.env.id, releaseId });
    const a = await createTenant(services.db);
    await expect(upgrade(a, (await makeRelease(services.db, "WITHDRAWN")).id)).rejects.toMatchObject({ message: /withdrawn/ });
    const b = await createTenant(services.db);
    await services.db.environment.update({ where: { id: b.env.id }, data: { pinnedReleaseVersion: "3.4.0" } });
    await expect(upgrade(b, (await makeRelease(services.db)).id)).rejects.toMatchObject({ message: /pinned to 3.4.0/ });
    const c = await createTenant(services.db);
    await services.db.environment.update({ where: { id: c.env.id }, data: { releaseVersion: "3.0.0" } });
    const strict = await makeRelease(services.db, "AVAILABLE", undefined, { minUpgradableFrom: "3.4.0" });
    await expect(upgrade(c, strict.id)).rejects.toMatchObject({ message: /upgrades only from 3.4.0 or newer/ });
    const d = await createTenant(services.db);
    await services.db.environment.update({
      where: { id: d.env.id },
      data: { maintenanceWindows: [{ rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYHOUR=3", durationMinutes: 60 }] },
    });
    services.clock.set(new Date("2026-12-03T15:00:00Z"));
    await expect(upgrade(d, (await makeRelease(services.db)).id)).rejects.toMatchObject({
      message: /may not change now: next maintenance window/,
    });
    services.clock.set(null);
    expect(await services.db.operation.count({ where: { environmentId: { in: [a.env.id, b.env.id, c.env.id, d.env.id] } } })).toBe(0);
  });

  it("upgrades through the operation path: the worker deploys the registry's chart and records the running release", async () => {
    const tenant = await createTenant(services.db);
    const release = await makeRelease(services.db, "AVAILABLE", undefined, { chart: "opus-platform-next" });
    const api = await operator();
    const { operation } = await api.releases.upgradeEnvironment({
      institutionId: tenant.id,
      environmentId: tenant.env.id,
      releaseId: release.id,
    });
    const engine = new FakeEngine();
    let deployed: unknown = null;
    engine.script = async (input) => {
      deployed = input.spec.release;
      return ok({ namespace: "ns", kubernetesVersion: "v1.29.8" });
    };
    const worker = createTestWorker(services, engine);
    expect(await worker.runNext()).toBe(true);
    expect(deployed).toEqual({
      version: release.version,
      chart: "opus-platform-next",
      repository: "oci://registry.opus.example/charts",
      // What the tenant program gives each module its own database role and queue user from.
      modules: MODULES.map(({ image: _image, ...m }) => m),
    });
    const op = await services.db.operation.findUniqueOrThrow({ where: { id: operation.id } });
    expect(op).toMatchObject({ status: "SUCCEEDED", releaseVersion: release.version });
    const env = await api.releases.environment({ institutionId: tenant.id, environmentId: tenant.env.id });
    expect(env).toMatchObject({ runningRelease: release.version, desiredRelease: release.version, kubernetesVersion: "v1.29.8" });
    await worker.stop();
  });
});

describe("fleet-wide switches", () => {
  it("of 25 concurrent emergency halts one is declared; lifting it twice is a CONFLICT the second time", async () => {
    const api = await admin();
    const outcomes = await concurrently(25, () => api.releases.declareEmergencyHalt({ reason: "bad consent image" }));
    expectOneWinner(outcomes, 25);
    expect((await api.releases.fleet()).emergencyHalt).toMatchObject({ reason: "bad consent image" });
    await api.releases.liftEmergencyHalt();
    await expect(api.releases.liftEmergencyHalt()).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await services.db.auditEvent.count({ where: { action: "fleet.emergency_halt_declared" } })).toBe(1);
  });

  it("a fleet freeze stops a single upgrade with the fleet's reason", async () => {
    const api = await admin();
    services.clock.set(new Date("2026-12-24T12:00:00Z"));
    await api.releases.setFleetFreezes({ freezes: [{ from: "2026-12-24T00:00:00Z", until: "2026-12-26T00:00:00Z", reason: "Christmas" }] });
    const tenant = await createTenant(services.db);
    const release = await makeRelease(services.db);
    await expect(
      api.releases.upgradeEnvironment({ institutionId: tenant.id, environmentId: tenant.env.id, releaseId: release.id }),
    ).rejects.toMatchObject({ message: expect.stringContaining("the fleet is frozen until 2026-12-26T00:00:00.000Z (Christmas)") });
    await api.releases.setFleetFreezes({ freezes: [] });
    services.clock.set(null);
  });
});
