// Prometheus metrics as a scraper sees them: real requests to the API and a real worker run, then
// GET /metrics on the metrics server, parsed from the exposition text.
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRateLimits } from "../../src/lib/rate-limits.ts";
import { createMetricsServer } from "../../src/observability/metrics-server.ts";
import { FakeEngine } from "../provisioning/support/fake-engine.ts";
import { createTenant, createTestWorker, enqueue, waitFor } from "../provisioning/support/fixtures.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { apiCall, createKey, postEvents } from "../usage/usage-support.ts";

let services: TestServices;
let api: Awaited<ReturnType<typeof startTestServer>>;
let metricsBase: string;
let closeMetrics: () => Promise<void>;

beforeAll(async () => {
  services = await createTestServices();
  api = await startTestServer(services, {
    rateLimits: createRateLimits(services.sql, { machinePerKey: { points: 3, seconds: 60, fixedMinute: true } }),
  });
  const server = createMetricsServer(services.metrics, services.log);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  metricsBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeMetrics = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(async () => {
  await api.close();
  await closeMetrics();
  await services.cleanup();
});

/** `name{labels} value` lines of the exposition text, as numbers by their full series name. */
async function scrape(): Promise<Map<string, number>> {
  const res = await fetch(`${metricsBase}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const series = new Map<string, number>();
  for (const line of (await res.text()).split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const at = line.lastIndexOf(" ");
    series.set(line.slice(0, at), Number(line.slice(at + 1)));
  }
  return series;
}

/** The value of the one series of `name` whose labels include all of `labels` (0 when none). */
function seriesValue(series: Map<string, number>, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const matches = [...series].filter(([key]) => key.startsWith(`${name}{`) && wanted.every((w) => key.includes(w)));
  expect(matches.length).toBeLessThanOrEqual(1);
  return matches[0]?.[1] ?? 0;
}

describe("GET /metrics", () => {
  it("counts requests by route template, never by raw path, with their status", async () => {
    const before = await scrape();
    const meCount = (s: Map<string, number>) =>
      seriesValue(s, "http_server_request_duration_seconds_count", { http_route: "/api/trpc/me.get", http_response_status_code: "401" });
    for (let i = 0; i < 3; i++) expect((await fetch(`${api.base}/api/trpc/me.get`)).status).toBe(401);
    expect((await fetch(`${api.base}/api/trpc/made-up.path-${Date.now()}`)).status).toBe(404);
    expect((await fetch(`${api.base}/api/v1/nothing-here-${Date.now()}`)).status).toBe(404);
    expect((await fetch(`${api.base}/readyz`)).status).toBe(200);

    const after = await scrape();
    expect(meCount(after) - meCount(before)).toBe(3);
    expect(seriesValue(after, "http_server_request_duration_seconds_count", { http_route: "/api/trpc/{unknown}" })).toBeGreaterThanOrEqual(
      1,
    );
    expect(seriesValue(after, "http_server_request_duration_seconds_count", { http_route: "/api/v1/{unknown}" })).toBeGreaterThanOrEqual(1);
    expect(seriesValue(after, "http_server_request_duration_seconds_count", { http_route: "/readyz" })).toBeGreaterThanOrEqual(1);
    // Made-up paths never become label values.
    expect([...after.keys()].some((key) => key.includes("made-up") || key.includes("nothing-here"))).toBe(false);
    // Process metrics and the service label come with every series.
    expect([...after.keys()].some((key) => key.startsWith("process_cpu_seconds_total") && key.includes('service="opus-api"'))).toBe(true);
  });

  it("counts usage events by outcome and 429s by limiter", async () => {
    const { key } = await createKey(services, "ana@aurora.example", "banco-aurora");
    const before = await scrape();
    const timestamp = new Date(Date.now() - 3_600_000).toISOString();
    const event = (id: string, overrides: Record<string, unknown> = {}) => apiCall(id, { timestamp, ...overrides });
    const batch = { events: [event("m-1"), event("m-2"), event("m-3", { meter: "no_such_meter" })] };
    expect((await postEvents(api.base, key, batch)).status).toBe(200);
    expect((await postEvents(api.base, key, { events: [event("m-1")] })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await postEvents(api.base, key, { events: [] })).status);
    expect(statuses).toContain(429);

    const after = await scrape();
    const delta = (outcome: string) =>
      seriesValue(after, "opus_usage_events_total", { outcome }) - seriesValue(before, "opus_usage_events_total", { outcome });
    expect([delta("accepted"), delta("duplicate"), delta("rejected")]).toEqual([2, 1, 1]);
    const limited = (s: Map<string, number>) => seriesValue(s, "opus_rate_limit_hits_total", { limiter: "/api/v1/usage/events" });
    expect(limited(after) - limited(before)).toBe(statuses.filter((s) => s === 429).length);
  });

  it("reports the queue from the database and the operations a worker finished", async () => {
    const tenant = await createTenant(services.db, { kinds: ["PRODUCTION", "HOMOLOGATION"] });
    const [production, homologation] = tenant.environments;
    if (!production || !homologation) throw new Error("expected two environments");
    await enqueue(services, production.id, "PREVIEW");
    await enqueue(services, homologation.id, "PREVIEW");
    const queued = await services.db.operation.count({ where: { status: "QUEUED" } });
    const waiting = await scrape();
    expect(seriesValue(waiting, "opus_provisioning_queue_depth", {})).toBe(queued);
    expect(seriesValue(waiting, "opus_provisioning_queue_oldest_age_seconds", {})).toBeGreaterThanOrEqual(0);

    const worker = createTestWorker(services, new FakeEngine());
    worker.start();
    try {
      await waitFor(async () => (await services.db.operation.count({ where: { status: "QUEUED" } })) === 0);
      await waitFor(
        async () => seriesValue(await scrape(), "opus_provisioning_operations_total", { kind: "PREVIEW", result: "succeeded" }) >= 2,
      );
    } finally {
      await worker.stop();
    }
    const done = await scrape();
    expect(seriesValue(done, "opus_provisioning_queue_depth", {})).toBe(0);
    expect(seriesValue(done, "opus_provisioning_queue_oldest_age_seconds", {})).toBe(0);
  });

  it("serves only GET /metrics on its port", async () => {
    expect((await fetch(`${metricsBase}/`)).status).toBe(404);
    const post = await fetch(`${metricsBase}/metrics`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });
});
