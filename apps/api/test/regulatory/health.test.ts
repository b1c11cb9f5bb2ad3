import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { environmentHealthVerdicts } from "../../src/domain/regulatory/environment-health-verdict.ts";
import { ingestMetricsReport } from "../../src/domain/regulatory/ingest-metrics-report.ts";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { adminMetric } from "./metrics-support.ts";

let services: TestServices;
let aurora: { id: string; production: string; homologation: string };

/** Reports one day for an environment through the same path as POST /api/v1/metrics. */
async function report(
  environmentId: string,
  institutionId: string,
  day: string,
  endpoints: Record<string, { down: number; p95?: number }>,
) {
  await ingestMetricsReport(
    services,
    { apiKeyId: "test", institutionId, environmentId },
    {
      data: Object.entries(endpoints).map(([endpoint, o]) =>
        adminMetric(endpoint, {
          requestTime: `${day}T20:00:00Z`,
          partialDowntime: o.down,
          previousDays: 0,
          ...(o.p95 ? { p95: o.p95 } : {}),
        }),
      ),
    },
  );
}

beforeAll(async () => {
  services = await createTestServices();
  services.clock.set(new Date("2026-12-10T22:00:00Z"));
  const row = await services.db.institution.findUniqueOrThrow({ where: { slug: "banco-aurora" }, include: { environments: true } });
  aurora = {
    id: row.id,
    production: row.environments.find((e) => e.kind === "PRODUCTION")?.id ?? "",
    homologation: row.environments.find((e) => e.kind === "HOMOLOGATION")?.id ?? "",
  };
  // Production: healthy for 9 days, then an endpoint at 94.4% on the 10th (4,800 s down).
  for (let d = 1; d <= 9; d++) {
    await report(aurora.production, aurora.id, `2026-12-0${d}`, { "/open-banking/consents/v3/consents": { down: 0, p95: 800 } });
  }
  await report(aurora.production, aurora.id, "2026-12-10", {
    "/open-banking/consents/v3/consents": { down: 4800, p95: 900 },
    "/open-banking/accounts/v2/accounts": { down: 0 },
  });
  // Homologation: healthy.
  await report(aurora.homologation, aurora.id, "2026-12-10", { "/open-banking/consents/v3/consents": { down: 0 } });
});
afterAll(() => services.cleanup());

describe("an environment's health", () => {
  it("shows the breached rule, the figure it rests on, the remaining budget and the chart days", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    const result = await ana.health.environment({ institutionId: aurora.id, environmentId: aurora.production });
    expect(result.health.status).toBe("BREACHING");
    // Over the 10 days with figures, the window is breached too (99.4444% < 99.5%).
    expect(result.health.currentBreaches.map((b) => b.rule)).toEqual(["availability.daily", "availability.window"]);
    expect(result.health.currentBreaches).toContainEqual(
      expect.objectContaining({
        rule: "availability.daily",
        endpoint: "/open-banking/consents/v3/consents",
        day: "2026-12-10",
        verdict: expect.objectContaining({
          availabilityPercent: "94.4444",
          minimumPercent: "95.0000",
          restsOn: "downtime seconds (partial + scheduled)",
        }),
      }),
    );
    // 10 days with figures: 4,320 s allowed, 4,800 used.
    expect(result.health.budget).toMatchObject({
      endpoint: "/open-banking/consents/v3/consents",
      coveredDays: 10,
      allowedSeconds: 4320,
      remainingSeconds: -480,
    });
    expect(result.health.days).toHaveLength(10);
    const accounts = result.health.endpoints.find((e) => e.endpoint === "/open-banking/accounts/v2/accounts");
    expect(accounts?.latest?.latency).toMatchObject({
      judged: false,
      restsOn: "no p95 reported (only an average, which is not a percentile)",
      averageMs: 250,
    });
    expect(result.rules.latency.limitMs.MEDIUM).toBe(2000);
    expect(result.rules.dailyAvailability.source.document).toMatch(/Manual de APIs/);
  });

  it("another institution's member cannot read it", async () => {
    const helena = await callerFor(services, "helena@horizonte.example");
    await expect(helena.health.environment({ institutionId: aurora.id, environmentId: aurora.production })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});

describe("the fleet view", () => {
  it("lists breaching installations first, with the rule and endpoint, and filters by mode and plan", async () => {
    const operator = await callerFor(services, "operator@opus.example");
    const fleet = await operator.health.fleet({});
    expect(fleet.asOf).toBe("2026-12-10");
    expect(fleet.items.map((i) => [i.environment.kind, i.status])).toEqual([
      ["PRODUCTION", "BREACHING"],
      ["HOMOLOGATION", "HEALTHY"],
    ]);
    expect(fleet.items[0]?.breaches).toEqual([
      { rule: "availability.daily", endpoint: "/open-banking/consents/v3/consents", day: "2026-12-10" },
      { rule: "availability.window", endpoint: "/open-banking/consents/v3/consents", day: "2026-12-10" },
    ]);
    expect((await operator.health.fleet({ status: "BREACHING" })).items).toHaveLength(1);
    expect((await operator.health.fleet({ mode: "MANAGED" })).items).toHaveLength(0);
    expect((await operator.health.fleet({ mode: "SAAS", planCode: "growth" })).items).toHaveLength(2);
    expect((await operator.health.fleet({ planCode: "starter" })).items).toHaveLength(0);
  });

  it("filters by release and compares releases by the health of the environments running them", async () => {
    const operator = await callerFor(services, "operator@opus.example");
    await services.db.environment.update({ where: { id: aurora.homologation }, data: { releaseVersion: "3.5.0" } });
    const fleet = await operator.health.fleet({});
    expect(fleet.releases).toEqual([
      { version: "3.5.0", environments: 1, breaching: 0, atRisk: 0, breaches: 0 },
      { version: "3.4.0", environments: 1, breaching: 1, atRisk: 0, breaches: 2 },
    ]);
    const on340 = await operator.health.fleet({ releaseVersion: "3.4.0" });
    expect(on340.items.map((i) => i.environment.id)).toEqual([aurora.production]);
    expect(on340.releases).toHaveLength(2); // the comparison keeps every release in view
    await expect(operator.health.fleet({ releaseVersion: "latest" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await services.db.environment.update({ where: { id: aurora.homologation }, data: { releaseVersion: "3.4.0" } });
  });

  it("is not for customers", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    await expect(ana.health.fleet({})).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("the Opus dashboard's fleet health summary", () => {
  it("counts installations by health status, the way the fleet view judges them, and the queue's state", async () => {
    const otto = await callerFor(services, "operator@opus.example");
    const fleet = await otto.health.fleet({});
    const before = await otto.dashboard.get();
    const byStatus = (status: string) => fleet.items.filter((i) => i.status === status).length;
    expect(before.fleetHealth).toMatchObject({
      BREACHING: byStatus("BREACHING"),
      AT_RISK: byStatus("AT_RISK"),
      HEALTHY: byStatus("HEALTHY"),
    });
    expect(before.fleetHealth.BREACHING).toBeGreaterThanOrEqual(1);
    expect(before.fleetHealth.asOf).toBe(fleet.asOf);

    // A run waiting for 20 minutes and one that failed an hour ago show; one that failed two days ago does not.
    const now = services.clock.now().getTime();
    const op = (key: string, data: object) =>
      services.db.operation.create({
        data: {
          environmentId: aurora.homologation,
          stackName: `dash-${key}`,
          kind: "REFRESH",
          idempotencyKey: `dashboard-${key}`,
          ...data,
        },
      });
    await op("failed-recent", { status: "FAILED", finishedAt: new Date(now - 3_600_000), error: "x" });
    await op("failed-old", { status: "FAILED", finishedAt: new Date(now - 2 * 86_400_000), error: "x" });
    await op("queued", { status: "QUEUED", createdAt: new Date(Date.now() - 20 * 60_000) });
    const after = await otto.dashboard.get();
    expect(after.provisioning.failedLast24h).toBe(before.provisioning.failedLast24h + 1);
    expect(after.provisioning.queued).toBe(before.provisioning.queued + 1);
    expect(after.provisioning.oldestQueuedSeconds).toBeGreaterThanOrEqual(20 * 60);
    await services.db.operation.deleteMany({ where: { idempotencyKey: { startsWith: "dashboard-" } } });
  });
});

describe("the Opus dashboard's fleet health summary, cached", () => {
  /** The services with every read of endpoint-days recorded: which environments' windows a load judged. */
  function counting() {
    const judged: string[][] = [];
    const db = services.db.$extends({
      query: {
        endpointMetricDay: {
          async $allOperations({ args, query }) {
            const where = (args as { where?: { environmentId?: { in?: string[] } } }).where;
            judged.push([...(where?.environmentId?.in ?? ["(any)"])].sort());
            return query(args);
          },
        },
      },
    }) as unknown as TestServices["db"];
    return { services: { ...services, db }, judged };
  }
  const matchesHealthPage = async () => {
    const fleet = await (await callerFor(services, "operator@opus.example")).health.fleet({});
    const count = (status: string) => fleet.items.filter((i) => i.status === status).length;
    return {
      asOf: fleet.asOf,
      BREACHING: count("BREACHING"),
      AT_RISK: count("AT_RISK"),
      HEALTHY: count("HEALTHY"),
      ids: fleet.items.map((i) => i.environment.id),
    };
  };

  it("judges each environment's window once per São Paulo day and again only after its figures change", async () => {
    const { services: counted, judged } = counting();
    const otto = await callerFor(counted, "operator@opus.example");
    const summary = async () => {
      judged.length = 0;
      const { fleetHealth } = await otto.dashboard.get();
      const page = await matchesHealthPage();
      expect(fleetHealth).toMatchObject({ asOf: page.asOf, BREACHING: page.BREACHING, AT_RISK: page.AT_RISK, HEALTHY: page.HEALTHY });
      return { fleetHealth, page, judged: judged.flat() };
    };
    await summary(); // whatever earlier tests left stale is judged now
    // Warm: no window is read at all.
    expect((await summary()).judged).toEqual([]);

    // A report for one environment: only its window is judged again, and the counts follow it.
    await report(aurora.homologation, aurora.id, "2026-12-10", { "/open-banking/accounts/v2/accounts": { down: 6000 } });
    const afterReport = await summary();
    expect(afterReport.judged).toEqual([aurora.homologation]);
    expect(afterReport.fleetHealth.BREACHING).toBeGreaterThanOrEqual(2);
    expect((await summary()).judged).toEqual([]);

    // A figure changed by any other writer (a hand fix in the database) is seen as well.
    await services.db.endpointMetricDay.updateMany({
      where: { environmentId: aurora.homologation, endpoint: "/open-banking/accounts/v2/accounts" },
      data: { partialDowntimeSeconds: 0 },
    });
    expect((await summary()).judged).toEqual([aurora.homologation]);

    // The next São Paulo day re-judges every environment once (their windows moved), then none.
    services.clock.set(new Date("2026-12-11T22:00:00Z"));
    try {
      const nextDay = await summary();
      expect(nextDay.fleetHealth.asOf).toBe("2026-12-11");
      expect(nextDay.judged).toEqual([...nextDay.page.ids].sort());
      expect((await summary()).judged).toEqual([]);
    } finally {
      services.clock.set(new Date("2026-12-10T22:00:00Z"));
    }
  });
});

describe("the rollout health gate's verdict", () => {
  it("counts only what happened since the upgrade", async () => {
    const upgrade = new Date("2026-12-10T03:00:00Z");
    const [before, homologation] = await environmentHealthVerdicts(services.db, services.clock.now(), [
      { environmentId: aurora.production, since: upgrade },
      { environmentId: aurora.homologation, since: upgrade },
    ]);
    expect(before).toMatchObject({ healthy: false, reportedSince: true });
    expect(before?.breaches).toContainEqual({
      rule: "availability.daily",
      endpoint: "/open-banking/consents/v3/consents",
      day: "2026-12-10",
    });
    expect(homologation).toEqual({ environmentId: aurora.homologation, healthy: true, reportedSince: true, breaches: [] });
    // Nothing reported since: not healthy, and it says why.
    const [silent] = await environmentHealthVerdicts(services.db, new Date("2026-12-12T22:00:00Z"), [
      { environmentId: aurora.homologation, since: new Date("2026-12-11T12:00:00Z") },
    ]);
    expect(silent).toMatchObject({ healthy: false, reportedSince: false });
  });
});
