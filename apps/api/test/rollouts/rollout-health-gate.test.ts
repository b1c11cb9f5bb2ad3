// A wave's health gate over real metrics reports (the POST /api/v1/metrics path): an environment
// that breaches a regulatory threshold after its upgrade halts the wave with the rule it broke and,
// when the wave asks, goes back to its previous release; breaches from before the upgrade do not
// count; silence at the soak's end halts too; without the gate the same breach changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestMetricsReport } from "../../src/domain/regulatory/ingest-metrics-report.ts";
import { adminMetric } from "../regulatory/metrics-support.ts";
import { callerFor } from "../support/callers.ts";
import { makeRelease } from "../support/release-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createFleet } from "./support/fleet.ts";
import { createHarness, rolloutStatus, waveStatus } from "./support/rollout-harness.ts";

let services: TestServices;
let from: string;
let target: { id: string; version: string };
beforeAll(async () => {
  services = await createTestServices();
  from = (await makeRelease(services.db, "AVAILABLE", "5.0.0")).version;
  target = await makeRelease(services.db, "AVAILABLE", "5.1.0");
});
afterAll(() => services.cleanup());

const THURSDAY = new Date("2026-12-03T15:00:00Z");
const CONSENTS = "/open-banking/consents/v3/consents";
const admin = () => callerFor(services, "admin@opus.example");

/** One day's report of one endpoint, stamped with the clock's now; `down` seconds of partial downtime (4,800 s < 95%). */
async function report(environmentId: string, down: number) {
  const env = await services.db.environment.findUniqueOrThrow({ where: { id: environmentId } });
  await ingestMetricsReport(
    services,
    { apiKeyId: "test", institutionId: env.institutionId, environmentId },
    {
      data: [adminMetric(CONSENTS, { requestTime: services.clock.now().toISOString(), partialDowntime: down, previousDays: 0, p95: 700 })],
    },
  );
}

async function gatedRollout(tenants: number, gate: { healthGate: boolean; rollbackOnBreach: boolean }) {
  const fleet = await createFleet(services.db, { tenants, kinds: ["HOMOLOGATION"], release: from });
  const api = await admin();
  const created = await api.rollouts.create({
    name: `Gated ${Date.now()}`,
    releaseId: target.id,
    selection: { institutionIds: fleet.institutionIds },
    waves: [{ name: "Homologation", maxConcurrency: { count: 5 }, soakMinutes: 24 * 60, failureThreshold: 1, ...gate }],
  });
  const targets = () =>
    services.db.rolloutTarget.findMany({
      where: { rolloutId: created.id },
      include: { environment: { include: { institution: true } } },
      orderBy: { position: "asc" },
    });
  return { api, created, targets, first: await targets() };
}

describe("a wave's health gate", () => {
  it("halts on a breach after the upgrade, names the environment and the rule, rolls it back, and goes on after resume", async () => {
    const h = createHarness(services, new Date("2026-12-01T15:00:00Z"));
    const { api, created, targets, first } = await gatedRollout(3, { healthGate: true, rollbackOnBreach: true });
    const [a, b, c] = first.map((t) => t.environmentId) as [string, string, string];
    // b breached on Tuesday, on the release it ran then: not the new release's doing.
    await report(b, 4800);
    h.setNow(THURSDAY);
    expect(created.plan.waves[0]).toMatchObject({ healthGate: true, rollbackOnBreach: true });
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.until(async () => (await waveStatus(services.db, created.id, 0)) === "SOAKING");
    expect((await targets()).map((t) => t.status)).toEqual(["UPGRADED", "UPGRADED", "UPGRADED"]);

    await report(a, 0);
    await report(b, 0);
    await report(c, 4800); // 94.4% of the day: below the daily 95%
    await h.tick();
    expect(await rolloutStatus(services.db, created.id)).toBe("HALTED");
    expect(await waveStatus(services.db, created.id, 0)).toBe("HALTED");
    const label = `${first[2]?.environment.institution.slug} (homologation)`;
    const halted = await services.db.rollout.findUniqueOrThrow({ where: { id: created.id } });
    expect(halted.haltReason).toBe(
      `Wave "Homologation" halted by its health gate: ${label} breached availability.daily on ${CONSENTS} (2026-12-03), ` +
        `availability.window on ${CONSENTS} (2026-12-03) since its upgrade. Rolling back 1 automatically.`,
    );
    await h.tick(); // the rollback deploy ran; the orchestrator records it though the rollout is halted
    let now = await targets();
    expect(now.map((t) => t.status)).toEqual(["UPGRADED", "UPGRADED", "ROLLED_BACK"]);
    expect(now[2]?.environment.releaseVersion).toBe(from);
    expect(now[2]?.reason).toContain("health gate: breached availability.daily");
    const rollbackOp = await services.db.operation.findUniqueOrThrow({ where: { id: now[2]?.operationId ?? "" } });
    expect(rollbackOp).toMatchObject({ kind: "UP", releaseVersion: from, status: "SUCCEEDED", requestedById: null });

    // Resumed: the wave soaks again over the two left on the release, both healthy; it succeeds.
    await api.rollouts.resume({ rolloutId: created.id });
    await h.until(async () => (await waveStatus(services.db, created.id, 0)) === "SOAKING");
    h.setNow(new Date("2026-12-04T12:00:00Z"));
    await report(a, 0);
    await report(b, 0);
    h.setNow(new Date("2026-12-05T18:00:00Z"));
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED", 60);
    now = await targets();
    expect(now.map((t) => t.status)).toEqual(["UPGRADED", "UPGRADED", "ROLLED_BACK"]);
    await h.stop();
  }, 120_000);

  it("without automatic rollback it only halts; the breaching environment keeps the rule as its reason", async () => {
    const h = createHarness(services, THURSDAY);
    const { api, created, targets, first } = await gatedRollout(2, { healthGate: true, rollbackOnBreach: false });
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.until(async () => (await waveStatus(services.db, created.id, 0)) === "SOAKING");
    await report(first[0]?.environmentId ?? "", 0);
    await report(first[1]?.environmentId ?? "", 6000);
    await h.tick();
    await h.tick();
    expect(await rolloutStatus(services.db, created.id)).toBe("HALTED");
    const now = await targets();
    expect(now.map((t) => t.status)).toEqual(["UPGRADED", "UPGRADED"]);
    expect(now[1]?.reason).toMatch(/^health gate: breached availability\.daily/);
    expect(await services.db.operation.count({ where: { environmentId: { in: now.map((t) => t.environmentId) } } })).toBe(2);
    await h.stop();
  }, 60_000);

  it("halts at the soak's end when an upgraded environment reported nothing since its upgrade", async () => {
    const h = createHarness(services, THURSDAY);
    const { api, created, first } = await gatedRollout(2, { healthGate: true, rollbackOnBreach: false });
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.until(async () => (await waveStatus(services.db, created.id, 0)) === "SOAKING");
    await report(first[0]?.environmentId ?? "", 0);
    await h.tick(12 * 60);
    expect(await waveStatus(services.db, created.id, 0)).toBe("SOAKING"); // still soaking: silence is judged at the end
    await h.tick(13 * 60);
    await h.tick();
    expect(await rolloutStatus(services.db, created.id)).toBe("HALTED");
    const halted = await services.db.rollout.findUniqueOrThrow({ where: { id: created.id } });
    expect(halted.haltReason).toBe(
      `Wave "Homologation" halted by its health gate: no health reported since the upgrade by ${first[1]?.environment.institution.slug} (homologation).`,
    );
    await h.stop();
  }, 60_000);

  it("a wave without the gate ignores the same breach", async () => {
    const h = createHarness(services, THURSDAY);
    const { api, created, first } = await gatedRollout(1, { healthGate: false, rollbackOnBreach: false });
    await api.rollouts.start({ rolloutId: created.id, planHash: created.planHash });
    await h.until(async () => (await waveStatus(services.db, created.id, 0)) === "SOAKING");
    await report(first[0]?.environmentId ?? "", 6000);
    h.setNow(new Date("2026-12-04T16:00:00Z"));
    await h.until(async () => (await rolloutStatus(services.db, created.id)) === "SUCCEEDED");
    await h.stop();
  }, 60_000);

  it("refuses automatic rollback without the gate, changing nothing", async () => {
    const api = await admin();
    const before = await services.db.rollout.count();
    await expect(
      api.rollouts.create({
        name: "No gate",
        releaseId: target.id,
        selection: {},
        waves: [{ name: "W", maxConcurrency: { count: 1 }, soakMinutes: 0, failureThreshold: 1, rollbackOnBreach: true }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("rolling back on a breach needs the health gate") });
    expect(await services.db.rollout.count()).toBe(before);
  });
});
