import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimits } from "../../src/lib/rate-limits.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createKey, type Json } from "../usage/usage-support.ts";
import { adminMetric, metricCounts, postMetrics } from "./metrics-support.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
let key: string;
let production: string;
let homologation: string;

beforeAll(async () => {
  services = await createTestServices();
  services.clock.set(new Date("2026-12-11T02:00:00Z"));
  server = await startTestServer(services, {
    rateLimits: createRateLimits(services.sql, { machinePerKey: { points: 100000, seconds: 60, fixedMinute: true } }),
  });
  const aurora = await services.db.institution.findUniqueOrThrow({ where: { slug: "banco-aurora" }, include: { environments: true } });
  production = aurora.environments.find((e) => e.kind === "PRODUCTION")?.id ?? "";
  homologation = aurora.environments.find((e) => e.kind === "HOMOLOGATION")?.id ?? "";
  key = (await createKey(services, "ana@aurora.example", "banco-aurora")).key;
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

async function post(body: unknown, k: string | null = key) {
  const res = await postMetrics(server.base, k, body);
  return { status: res.status, body: (await res.json()) as Json };
}

const figuresOf = (environmentId: string, endpoint: string) =>
  services.db.endpointMetricDay.findMany({ where: { environmentId, endpoint }, orderBy: { day: "desc" } });

describe("POST /api/v1/metrics", () => {
  it("keeps one row per São Paulo day and endpoint; availability only on the day that was current", async () => {
    const endpoint = "/open-banking/consents/v3/consents";
    // 01:30 UTC on the 11th is still the 10th in São Paulo (UTC−3).
    const res = await post({
      environment: "production",
      data: [adminMetric(endpoint, { requestTime: "2026-12-11T01:30:00Z", p95: 900 }), adminMetric("/open-banking/accounts/v2/accounts")],
      links: { self: "https://api.banco.example/open-banking/admin/v2/metrics" },
      meta: { totalRecords: 2, totalPages: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body.environmentId).toBe(production);
    expect(res.body.days.filter((d: Json) => d.endpoint === endpoint)).toEqual([
      { endpoint, day: "2026-12-10", status: "created", revision: 1 },
      { endpoint, day: "2026-12-09", status: "created", revision: 1 },
      { endpoint, day: "2026-12-08", status: "created", revision: 1 },
    ]);
    const rows = await figuresOf(production, endpoint);
    expect(
      rows.map((r) => [
        r.day.toISOString().slice(0, 10),
        r.invocations,
        r.partialDowntimeSeconds,
        r.uptimeRate?.toString() ?? null,
        r.p95ResponseMs,
      ]),
    ).toEqual([
      ["2026-12-10", 1000, 120, "0.998", 900],
      ["2026-12-09", 1001, null, null, null],
      ["2026-12-08", 1002, null, null, null],
    ]);
    expect(rows[0]).toMatchObject({
      averageResponseMs: 250,
      averageTps: 3,
      peakTps: 40,
      errors: 5,
      rejections: 1,
      generalDowntimeSeconds: 60,
      revision: 1,
    });
    expect(await services.db.endpointMetricRevision.count({ where: { metricDay: { environmentId: production, endpoint } } })).toBe(3);
  });

  it("a resent identical report changes nothing; a newer one revises and keeps what it does not carry", async () => {
    const endpoint = "/open-banking/resources/v3/resources";
    const first = adminMetric(endpoint, { requestTime: "2026-12-09T20:00:00Z", partialDowntime: 300, previousDays: 0 });
    expect((await post({ environment: "production", data: [first] })).body.days[0]).toMatchObject({ status: "created", revision: 1 });
    const again = await post({ environment: "production", data: [first] });
    expect(again.body.days).toEqual([{ endpoint, day: "2026-12-09", status: "unchanged", revision: 1 }]);

    // The next day's report lists the 9th as a previous day, with its final count and no availability.
    const next = adminMetric(endpoint, { requestTime: "2026-12-10T20:00:00Z", partialDowntime: 10, invocations: 2000, previousDays: 1 });
    const res = await post({ environment: "production", data: [next] });
    expect(res.body.days).toEqual([
      { endpoint, day: "2026-12-10", status: "created", revision: 1 },
      { endpoint, day: "2026-12-09", status: "revised", revision: 2 },
    ]);
    const [tenth, ninth] = await figuresOf(production, endpoint);
    expect(tenth).toMatchObject({ invocations: 2000, partialDowntimeSeconds: 10 });
    expect(ninth).toMatchObject({ invocations: 2001, partialDowntimeSeconds: 300, revision: 2 });
    const revisions = await services.db.endpointMetricRevision.findMany({
      where: { metricDayId: ninth?.id },
      orderBy: { revision: "asc" },
    });
    expect(revisions.map((r) => [r.revision, (r.figures as Json).invocations, (r.figures as Json).partialDowntimeSeconds])).toEqual([
      [1, 1000, 300],
      [2, 2001, 300],
    ]);

    // A report older than the figures held (a delayed retry) does not turn them back.
    const stale = await post({ environment: "production", data: [first] });
    expect(stale.body.days).toEqual([{ endpoint, day: "2026-12-09", status: "unchanged", revision: 2 }]);
    expect((await figuresOf(production, endpoint))[1]).toMatchObject({ invocations: 2001, revision: 2 });
  });

  it("30 identical reports at once leave one set of figures and one revision per day", async () => {
    const endpoint = "/open-banking/payments/v4/pix/payments";
    const body = { environment: "homologation", data: [adminMetric(endpoint, { previousDays: 7 })] };
    const results = await Promise.all(Array.from({ length: 30 }, () => post(body)));
    expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
    const statuses = results.flatMap((r) => r.body.days.map((d: Json) => d.status));
    expect(statuses.filter((s: string) => s === "created")).toHaveLength(8);
    expect(statuses.filter((s: string) => s === "revised")).toHaveLength(0);
    const rows = await figuresOf(homologation, endpoint);
    expect(rows).toHaveLength(8);
    expect(rows.every((r) => r.revision === 1)).toBe(true);
    expect(await services.db.endpointMetricRevision.count({ where: { metricDay: { environmentId: homologation, endpoint } } })).toBe(8);
  });

  it("20 different reports of one day at once: the newest figures win, and revisions are numbered without gaps", async () => {
    const endpoint = "/open-banking/customers/v2/personal/identifications";
    const bodies = Array.from({ length: 20 }, (_, i) => ({
      environment: "homologation",
      data: [
        adminMetric(endpoint, {
          requestTime: `2026-12-10T18:${String(i).padStart(2, "0")}:00Z`,
          invocations: 100 * (i + 1),
          previousDays: 0,
        }),
      ],
    }));
    const results = await Promise.all(bodies.map((b) => post(b)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const [row] = await figuresOf(homologation, endpoint);
    expect(row?.invocations).toBe(2000);
    const revisions = await services.db.endpointMetricRevision.findMany({ where: { metricDayId: row?.id }, orderBy: { revision: "asc" } });
    expect(revisions.map((r) => r.revision)).toEqual(Array.from({ length: row?.revision ?? 0 }, (_, i) => i + 1));
    expect(revisions.at(-1)?.figures).toMatchObject({ invocations: 2000 });
    const written = results.flatMap((r) => r.body.days).filter((d: Json) => d.status !== "unchanged");
    expect(written).toHaveLength(row?.revision ?? -1);
  });
});

describe("bad reports are refused whole, each with the field at fault", () => {
  const endpoint = "/open-banking/accounts/v2/accounts/{accountId}/balances";
  const good = () => adminMetric(endpoint);
  type Case = [string, (m: Json) => unknown, RegExp];
  const cases: Case[] = [
    ["no endpoint", (m) => ({ ...m, endpoint: undefined }), /data\.1\.endpoint/],
    [
      "a rate without six decimals",
      (m) => {
        m.availability.uptime.uptimeRate = "0.99";
      },
      /data\.1\.availability\.uptime\.uptimeRate: a rate with six decimals/,
    ],
    [
      "a rate above one",
      (m) => {
        m.availability.uptime.generalUptimeRate = "1.500000";
      },
      /generalUptimeRate: a rate cannot exceed 1\.000000/,
    ],
    [
      "negative invocations",
      (m) => {
        m.invocations.currentDay = -1;
      },
      /data\.1\.invocations\.currentDay/,
    ],
    [
      "a fractional average",
      (m) => {
        m.averageResponse.currentDay = 12.5;
      },
      /data\.1\.averageResponse\.currentDay/,
    ],
    [
      "eight previous days",
      (m) => ({ ...m, errors: { currentDay: 1, previousDays: [1, 1, 1, 1, 1, 1, 1, 1] } }),
      /data\.1\.errors\.previousDays/,
    ],
    [
      "metrics covering different days",
      (m) => {
        m.peakTps.previousDays = [1];
      },
      /data\.1\.peakTps\.previousDays: has 1 days but invocations\.previousDays has 2/,
    ],
    [
      "downtime over a day",
      (m) => {
        m.availability.downtime.scheduledOutage = 90_000;
      },
      /data\.1\.availability\.downtime\.scheduledOutage/,
    ],
    [
      "a missing downtime figure",
      (m) => {
        m.availability.downtime.partialDowntime = undefined;
      },
      /data\.1\.availability\.downtime\.partialDowntime/,
    ],
    ["an unknown field", (m) => ({ ...m, uptimerate: "0.9" }), /data\.1: Unrecognized key.*uptimerate/],
    ["a time without a zone", (m) => ({ ...m, requestTime: "2026-12-10T12:00:00" }), /data\.1\.requestTime/],
    ["a time in the future", (m) => ({ ...m, requestTime: "2026-12-11T12:00:00Z" }), /data\.1\.requestTime: .* is in the future/],
    ["a time too old", (m) => ({ ...m, requestTime: "2026-08-01T12:00:00Z" }), /data\.1\.requestTime: .* more than 90 days old/],
    [
      "the same endpoint twice",
      (m) => ({ ...m, endpoint: "/open-banking/channels/v2/branches" }),
      /data\.1\.endpoint: repeats data\.0\.endpoint/,
    ],
  ];

  it.each(cases)("%s", async (_name, mutate, message) => {
    const before = await metricCounts(services, production);
    const first = adminMetric("/open-banking/channels/v2/branches");
    const metric = structuredClone(good());
    const res = await post({ environment: "production", data: [first, mutate(metric) ?? metric] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BAD_INPUT");
    expect(res.body.error.message).toMatch(message);
    // Nothing half-written: not even the good endpoint of the report.
    expect(await metricCounts(services, production)).toEqual(before);
  });

  it("no data, no environment, an unknown environment, a key of one environment naming another, another institution's environment", async () => {
    expect((await post({ environment: "production", data: [] })).body.error.message).toMatch(/data/);
    expect((await post({ data: [good()] })).body.error.message).toMatch(/environment: name the environment/);
    expect((await post({ environment: "staging", data: [good()] })).body.error.message).toMatch(/no environment "staging"/);
    const scoped = await createKey(services, "ana@aurora.example", "banco-aurora", homologation);
    expect((await post({ environment: "production", data: [good()] }, scoped.key)).status).toBe(403);
    const horizonte = await services.db.environment.findFirstOrThrow({ where: { institution: { slug: "coop-horizonte" } } });
    const foreign = await post({ environment: horizonte.id, data: [good()] });
    expect(foreign.status).toBe(403);
    expect(await services.db.endpointMetricDay.count({ where: { environmentId: horizonte.id } })).toBe(0);
    // The scoped key needs no environment.
    const implicit = await post({ data: [adminMetric("/open-banking/channels/v2/branches")] }, scoped.key);
    expect(implicit.status).toBe(200);
    expect(implicit.body.environmentId).toBe(homologation);
  });

  it("without a key: 401", async () => {
    expect((await post({ environment: "production", data: [good()] }, null)).status).toBe(401);
  });
});

describe("the OpenAPI description", () => {
  it("documents the route with the admin API's field names", async () => {
    const doc = (await (await fetch(`${server.base}/api/v1/openapi.json`)).json()) as Json;
    expect(doc.paths["/api/v1/metrics"].post.operationId).toBe("postMetrics");
    const metric = doc.components.schemas.AdminMetric;
    expect(metric.required).toEqual(
      expect.arrayContaining([
        "endpoint",
        "requestTime",
        "availability",
        "invocations",
        "averageResponse",
        "averageTps",
        "peakTps",
        "errors",
        "rejections",
      ]),
    );
    expect(metric.properties.availability.properties.uptime.properties.uptimeRate.pattern).toBe("^\\d\\.\\d{6}$");
  });
});
