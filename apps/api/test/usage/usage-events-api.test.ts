import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/domain/api-keys/api-key-secret.ts";
import { exclusiveUsageLock } from "../../src/domain/usage/usage-lock.ts";
import { createRateLimits } from "../../src/lib/rate-limits.ts";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { apiCall, createKey, type Json, postEvents, totals } from "./usage-support.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
let aurora: string;
let key: string;

beforeAll(async () => {
  services = await createTestServices();
  services.clock.set(new Date("2026-12-10T12:00:00Z"));
  server = await startTestServer(services);
  aurora = await institutionIdOf(services, "banco-aurora");
  key = (await createKey(services, "ana@aurora.example", "banco-aurora")).key;
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

async function post(body: unknown, k: string | null = key) {
  const res = await postEvents(server.base, k, body);
  return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
}

describe("API keys", () => {
  it("are shown once, stored hashed, listed without the secret, audited, and stop working when revoked", async () => {
    const created = await createKey(services, "ana@aurora.example", "banco-aurora");
    expect(created.key).toMatch(/^opus_uk_[\w-]{43}$/);
    const row = await services.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const ana = await callerFor(services, "ana@aurora.example");
    const listed = await ana.apiKeys.find({ institutionId: aurora });
    expect(JSON.stringify(listed)).not.toContain(created.key);
    expect(listed.find((k) => k.id === created.id)?.lastUsedAt).toBeNull();

    expect((await post({ events: [apiCall("key-life-1")] }, created.key)).status).toBe(200);
    expect((await services.db.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).toEqual(services.clock.now());

    await ana.apiKeys.revoke({ institutionId: aurora, apiKeyId: created.id });
    await expect(ana.apiKeys.revoke({ institutionId: aurora, apiKeyId: created.id })).rejects.toMatchObject({ code: "CONFLICT" });
    const revoked = await post({ events: [apiCall("key-life-2")] }, created.key);
    expect(revoked.status).toBe(401);
    expect(revoked.body.error.message).toMatch(/revoked/);
    const audit = await services.db.auditEvent.findMany({ where: { targetId: created.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["api_key.created", "api_key.used", "api_key.revoked"]);
  });

  it("refuses a missing, unknown or malformed key with 401", async () => {
    expect((await post({ events: [apiCall("k1")] }, null)).status).toBe(401);
    expect((await post({ events: [apiCall("k1")] }, "opus_uk_not-a-real-key")).status).toBe(401);
    const res = await fetch(`${server.base}/api/v1/usage/events`, {
      method: "POST",
      headers: { authorization: `Basic ${key}` },
      body: "{}",
    });
    expect(res.status).toBe(401);
  });

  it("scope: another institution's key, another institution's environment, an environment-scoped key used elsewhere (403, nothing written)", async () => {
    const horizonte = await institutionIdOf(services, "coop-horizonte");
    const auroraEnvs = await services.db.environment.findMany({ where: { institutionId: aurora }, orderBy: { kind: "asc" } });
    const homologation = auroraEnvs.find((e) => e.kind === "HOMOLOGATION");
    if (!homologation) throw new Error("seed has an Aurora homologation environment");
    const before = await totals(services, aurora, "api_calls");

    expect((await post({ institutionId: horizonte, events: [apiCall("scope-1")] })).status).toBe(403);
    const otherEnv =
      (await services.db.environment.findFirst({ where: { institutionId: horizonte } })) ??
      (await services.db.environment.create({
        data: { institutionId: horizonte, kind: "PRODUCTION", stackName: "coop-horizonte-production" },
      }));
    const foreign = await post({ events: [apiCall("scope-2"), apiCall("scope-3", { environment: otherEnv.id })] });
    expect(foreign.status).toBe(403);

    const scoped = await createKey(services, "ana@aurora.example", "banco-aurora", homologation.id);
    const mismatch = await post({ events: [apiCall("scope-4", { environment: "homologation" }), apiCall("scope-5")] }, scoped.key);
    expect(mismatch.status).toBe(403);
    expect(mismatch.body.error.message).toMatch(/environment/);
    const ok = await post({ events: [apiCall("scope-6", { environment: homologation.id })] }, scoped.key);
    expect(ok.body.accepted).toBe(1);

    // Another institution's environment id cannot be used to create a key either.
    const ana = await callerFor(services, "ana@aurora.example");
    await expect(ana.apiKeys.create({ institutionId: aurora, name: "x", environmentId: otherEnv.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const after = await totals(services, aurora, "api_calls");
    expect(after.raw.count).toBe(before.raw.count + 1);
  });
});

describe("install bundle keys", () => {
  it("are the same kind of key, scoped to the bundle's environment, and the bundle reports through its agent to the real endpoint", async () => {
    const sertao = await institutionIdOf(services, "fintech-sertao");
    await services.db.institution.update({ where: { id: sertao }, data: { status: "ACTIVE" } });
    const [production, development] = await Promise.all(
      (["PRODUCTION", "DEVELOPMENT"] as const).map((kind) =>
        services.db.environment.create({ data: { institutionId: sertao, kind, stackName: `fintech-sertao-${kind.toLowerCase()}` } }),
      ),
    );
    const sergio = await callerFor(services, "sergio@sertao.example");
    const bundle = await sergio.environments.installBundle({ institutionId: sertao, environmentId: production?.id ?? "" });
    const token = bundle.files.find((f) => f.path === "usage-reporting-token")?.content ?? "";
    // The platform reports to the report-only agent in its own namespace; the agent forwards to the control plane.
    const files = JSON.stringify(bundle.files);
    expect(files).toMatch(/http:\/\/opus-report-agent\.[a-z0-9-]+\.svc:9470\/api\/v1\/usage\/events/);
    const agentValues = bundle.files.find((f) => f.content.includes("mode: report-only"))?.content ?? "";
    expect(agentValues).toMatch(/controlPlane:\n {2}url: http:\/\/console\.test/);
    const ok = await post({ events: [apiCall("bundle-1", { environment: production?.id })] }, token);
    expect(ok.body.accepted).toBe(1);
    expect((await post({ events: [apiCall("bundle-2", { environment: development?.id })] }, token)).status).toBe(403);
    // Listed with the console's keys, so admins can see and revoke it.
    const listed = await sergio.apiKeys.find({ institutionId: sertao });
    expect(listed).toEqual([
      expect.objectContaining({ origin: "INSTALL_BUNDLE", environment: { id: production?.id, kind: "PRODUCTION" } }),
    ]);
  });
});

describe("POST /api/v1/usage/events", () => {
  it("stores ids and dimensions with quotes, backslashes, braces and commas exactly, and dedupes them", async () => {
    const ids = [`q"1`, "b\\2", "br{a,c}es", "ap'os", "NULL"];
    const dimensions = { family: `ac"co\\un'ts`, endpoint: "/{x},y" };
    const first = await post({ events: ids.map((id) => apiCall(id, { dimensions })) });
    expect(first.status).toBe(200);
    expect(first.body.accepted).toBe(ids.length);
    const again = await post({ events: ids.map((id) => apiCall(id, { dimensions })) });
    expect(again.body.duplicates).toBe(ids.length);
    const rows = await services.db.$queryRawUnsafe<{ event_id: string; dimensions: unknown; group_key: string }[]>(
      "SELECT event_id, dimensions, group_key FROM usage_event WHERE institution_id = $1 AND event_id = ANY($2::text[]) ORDER BY event_id",
      aurora,
      ids,
    );
    expect(rows.map((r) => r.event_id)).toEqual([...ids].sort());
    for (const r of rows) {
      expect(r.dimensions).toEqual(dimensions);
      expect(r.group_key).toBe(JSON.stringify({ family: dimensions.family }));
    }
  });

  it("rejects each bad event on its own, with a reason, and accepts the rest", async () => {
    await services.db.meter.create({
      data: { code: "retired_meter", name: "Retired", unit: "x", aggregation: "COUNT", dimensions: [], retiredAt: new Date("2026-11-01") },
    });
    const events = [
      apiCall("bad-ok-1"),
      apiCall("bad-quantity", { quantity: -1 }),
      apiCall("bad-quantity-2", { quantity: "1e3" }),
      apiCall("bad-meter", { meter: "no_such_meter" }),
      apiCall("bad-retired", { meter: "retired_meter" }),
      apiCall("bad-control-plane", { meter: "environment_days" }),
      apiCall("bad-env", { environment: "staging" }),
      apiCall("bad-future", { timestamp: "2026-12-10T12:06:00Z" }),
      apiCall("bad-old", { timestamp: "2025-10-01T00:00:00Z" }),
      apiCall("bad-timestamp", { timestamp: "yesterday" }),
      { ...apiCall("bad-field"), colour: "blue" },
      apiCall("", {}),
      "not an object",
      apiCall("bad-ok-2", { quantity: "2.5" }),
    ];
    const res = await post({ events });
    expect(res.status).toBe(200);
    const byId = (i: number) => res.body.results[i];
    expect(res.body.results).toHaveLength(events.length);
    expect(byId(0)).toMatchObject({ status: "accepted", id: "bad-ok-1" });
    expect(byId(1)).toMatchObject({ status: "rejected", code: "invalid_event", message: expect.stringContaining("quantity") });
    expect(byId(2)).toMatchObject({ status: "rejected", code: "invalid_event" });
    expect(byId(3)).toMatchObject({ status: "rejected", code: "unknown_meter" });
    expect(byId(4)).toMatchObject({ status: "rejected", code: "meter_retired" });
    expect(byId(5)).toMatchObject({ status: "rejected", code: "meter_not_reportable" });
    expect(byId(6)).toMatchObject({ status: "rejected", code: "unknown_environment" });
    expect(byId(7)).toMatchObject({ status: "rejected", code: "timestamp_in_future" });
    expect(byId(8)).toMatchObject({ status: "rejected", code: "timestamp_too_old" });
    expect(byId(9)).toMatchObject({ status: "rejected", code: "invalid_event", message: expect.stringContaining("timestamp") });
    expect(byId(10)).toMatchObject({ status: "rejected", code: "invalid_event", message: expect.stringContaining("colour") });
    expect(byId(11)).toMatchObject({ status: "rejected", code: "invalid_event", id: "" });
    expect(byId(12)).toMatchObject({ status: "rejected", code: "invalid_event", id: null });
    expect(byId(13)).toMatchObject({ status: "accepted", id: "bad-ok-2" });
    expect(res.body).toMatchObject({ accepted: 2, duplicates: 0, rejected: 12 });
    const stored = await services.db.$queryRawUnsafe<{ event_id: string }[]>(
      "SELECT event_id FROM usage_event WHERE institution_id = $1 AND event_id LIKE 'bad-%' ORDER BY event_id",
      aurora,
    );
    expect(stored.map((r) => r.event_id)).toEqual(["bad-ok-1", "bad-ok-2"]);
  });

  it("accepts a meter and an environment added while the catalogue is cached, at once", async () => {
    // Warm the per-process catalogue, then add both behind its back.
    expect((await post({ events: [apiCall("catalog-warm")] })).body.accepted).toBe(1);
    const meter = await services.db.meter.create({
      data: { code: "added_meter", name: "Added", unit: "x", aggregation: "COUNT", dimensions: [] },
    });
    const added = await services.db.environment.findFirst({ where: { institutionId: aurora, kind: "HOMOLOGATION" } });
    const homologation =
      added ??
      (await services.db.environment.create({
        data: { institutionId: aurora, kind: "HOMOLOGATION", stackName: "aurora-catalog-homologation" },
      }));
    const res = await post({
      events: [apiCall("catalog-meter", { meter: "added_meter" }), apiCall("catalog-env", { environment: homologation.id })],
    });
    expect(res.body.results.map((r: Json) => r.status)).toEqual(["accepted", "accepted"]);
    // Retired again, so the meter list below is the seeded one.
    await services.db.meter.update({ where: { id: meter.id }, data: { retiredAt: services.clock.now() } });
  });

  it("counts exactly once under duplicates, retries and concurrent overlapping batches", async () => {
    const inst = await institutionIdOf(services, "banco-aurora");
    const before = await totals(services, inst, "payments_initiated");
    const batch = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, i) => apiCall(`pay-${from + i}`, { meter: "payments_initiated", quantity: "1.5" }));
    // 10 concurrent copies of the same batch, plus overlapping ranges, plus in-batch repeats.
    const bodies = [
      ...Array.from({ length: 10 }, () => ({ events: batch(0, 300) })),
      { events: batch(200, 500) },
      { events: batch(450, 800) },
      { events: [...batch(790, 1000), ...batch(790, 800)] },
    ];
    const results = await Promise.all(bodies.map((b) => post(b)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    const accepted = results.reduce((n, r) => n + r.body.accepted, 0);
    const duplicates = results.reduce((n, r) => n + r.body.duplicates, 0);
    expect(accepted).toBe(1000);
    expect(duplicates).toBe(10 * 300 + 300 + 350 + 220 - 1000);
    // A retried batch is all duplicates.
    const retry = await post({ events: batch(0, 1000) });
    expect(retry.body).toMatchObject({ accepted: 0, duplicates: 1000, rejected: 0 });

    const after = await totals(services, inst, "payments_initiated");
    for (const level of ["raw", "hourly", "daily"] as const) {
      expect(after[level].count - before[level].count).toBe(1000);
      expect(Number(after[level].sum) - Number(before[level].sum)).toBe(1500);
    }
  });

  it("waits for a finalization or correction holding the institution's usage lock, and writes nothing before it ends", async () => {
    // Finalizing and correcting hold the lock exclusively: a batch must not slip in between a
    // report's computation and its row (it would count in neither the report nor the next one).
    const holder = await services.sql.connect();
    try {
      await holder.query("BEGIN");
      const lock = exclusiveUsageLock(aurora);
      await holder.query(lock.text, lock.values);
      let settled = false;
      const pending = post({ events: [apiCall("locked-1")] }).finally(() => {
        settled = true;
      });
      await new Promise((r) => setTimeout(r, 400));
      expect(settled).toBe(false);
      const written = await services.sql.query("SELECT 1 FROM usage_event_key WHERE institution_id = $1 AND event_id = 'locked-1'", [
        aurora,
      ]);
      expect(written.rowCount).toBe(0);
      await holder.query("COMMIT");
      expect((await pending).body).toMatchObject({ accepted: 1, duplicates: 0 });
    } finally {
      holder.release();
    }
  });

  it("keeps an id for the life of the events: the same id in another month is still a duplicate", async () => {
    expect((await post({ events: [apiCall("life-1", { timestamp: "2026-10-03T10:00:00Z" })] })).body.accepted).toBe(1);
    expect((await post({ events: [apiCall("life-1", { timestamp: "2026-12-03T10:00:00Z" })] })).body.duplicates).toBe(1);
  });

  it("rolls up hourly (UTC hours) and daily (São Paulo days), by the meter's dimensions, visible at once", async () => {
    const res = await post({
      events: [
        // 02:30 UTC on 1 December is 23:30 on 30 November in São Paulo.
        apiCall("roll-1", { timestamp: "2026-12-01T02:30:00Z", dimensions: { family: "consents", endpoint: "/a" } }),
        apiCall("roll-2", { timestamp: "2026-12-01T02:59:59Z", dimensions: { family: "consents", endpoint: "/b" } }),
        apiCall("roll-3", { timestamp: "2026-12-01T03:00:00Z", dimensions: { family: "consents" } }),
        apiCall("roll-4", { timestamp: "2026-12-01T03:00:00Z", dimensions: { family: "payments-pix" } }),
      ],
    });
    expect(res.body.accepted).toBe(4);
    const daily = await services.db.$queryRawUnsafe<{ day: string; group_key: string; event_count: bigint }[]>(
      `SELECT day::text, group_key, event_count FROM usage_rollup_daily
       WHERE institution_id = $1 AND meter_id = 'meter_api_calls' AND day IN ('2026-11-30', '2026-12-01') ORDER BY day, group_key`,
      aurora,
    );
    expect(daily.map((d) => [d.day, JSON.parse(d.group_key), Number(d.event_count)])).toEqual([
      ["2026-11-30", { family: "consents" }, 2],
      ["2026-12-01", { family: "consents" }, 1],
      ["2026-12-01", { family: "payments-pix" }, 1],
    ]);
    const hourly = await services.db.$queryRawUnsafe<{ hour: Date; event_count: bigint }[]>(
      `SELECT hour, sum(event_count) AS event_count FROM usage_rollup_hourly
       WHERE institution_id = $1 AND meter_id = 'meter_api_calls' AND hour >= '2026-12-01T02:00Z' AND hour < '2026-12-01T04:00Z' GROUP BY hour ORDER BY hour`,
      aurora,
    );
    expect(hourly.map((h) => [h.hour.toISOString(), Number(h.event_count)])).toEqual([
      ["2026-12-01T02:00:00.000Z", 2],
      ["2026-12-01T03:00:00.000Z", 2],
    ]);
  });

  it("max and latest do not depend on arrival order", async () => {
    const consents = (id: string, quantity: number, timestamp: string) => ({
      id,
      meter: "active_consents",
      environment: "production",
      quantity,
      timestamp,
    });
    await post({ events: [consents("c-2", 40, "2026-12-04T12:00:00Z"), consents("c-3", 25, "2026-12-04T18:00:00Z")] });
    await post({ events: [consents("c-1", 70, "2026-12-04T09:00:00Z"), consents("c-4", 30, "2026-12-04T18:00:00Z")] });
    const [row] = await services.db.$queryRawUnsafe<{ quantity_max: string; latest_quantity: string }[]>(
      `SELECT quantity_max::text, latest_quantity::text FROM usage_rollup_daily WHERE institution_id = $1 AND meter_id = 'meter_active_consents' AND day = '2026-12-04'`,
      aurora,
    );
    // Two values share the latest instant: the greater wins, whatever came first.
    expect(row).toEqual({ quantity_max: "70", latest_quantity: "30" });
  });

  it("one batch over several hours and across São Paulo midnight: each day summed from its hours, latest by time then value", async () => {
    const consents = (id: string, quantity: number | string, timestamp: string) => ({
      id,
      meter: "active_consents",
      environment: "production",
      quantity,
      timestamp,
    });
    const sent = await post({
      events: [
        // 2026-12-06 02:59:59.999Z is still the 5th in São Paulo (UTC−3); 03:00Z is the 6th.
        consents("mid-1", 90, "2026-12-06T02:00:00Z"),
        consents("mid-2", 15, "2026-12-06T02:59:59.999Z"),
        consents("mid-3", 12, "2026-12-06T03:00:00Z"),
        consents("mid-4", "7.5", "2026-12-06T20:30:00.250Z"),
        consents("mid-5", "8.25", "2026-12-06T20:30:00.250Z"),
        consents("mid-6", 40, "2026-12-06T05:00:00Z"),
      ],
    });
    expect(sent.body.accepted).toBe(6);
    const daily = await services.db.$queryRawUnsafe<Record<string, string>[]>(
      `SELECT day::text, event_count::text, quantity_sum::text, quantity_max::text, latest_quantity::text, latest_at
       FROM usage_rollup_daily WHERE institution_id = $1 AND meter_id = 'meter_active_consents' AND day IN ('2026-12-05', '2026-12-06') ORDER BY day`,
      aurora,
    );
    expect(daily).toEqual([
      {
        day: "2026-12-05",
        event_count: "2",
        quantity_sum: "105",
        quantity_max: "90",
        latest_quantity: "15",
        latest_at: new Date("2026-12-06T02:59:59.999Z"),
      },
      {
        day: "2026-12-06",
        event_count: "4",
        quantity_sum: "67.75",
        quantity_max: "40",
        latest_quantity: "8.25",
        latest_at: new Date("2026-12-06T20:30:00.250Z"),
      },
    ]);
    const hourly = await services.db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT hour, event_count::int AS n, latest_quantity::text AS latest, latest_at FROM usage_rollup_hourly
       WHERE institution_id = $1 AND meter_id = 'meter_active_consents' AND hour >= '2026-12-06T02:00Z' AND hour < '2026-12-06T21:00Z' ORDER BY hour`,
      aurora,
    );
    expect(hourly).toEqual([
      { hour: new Date("2026-12-06T02:00:00Z"), n: 2, latest: "15", latest_at: new Date("2026-12-06T02:59:59.999Z") },
      { hour: new Date("2026-12-06T03:00:00Z"), n: 1, latest: "12", latest_at: new Date("2026-12-06T03:00:00Z") },
      { hour: new Date("2026-12-06T05:00:00Z"), n: 1, latest: "40", latest_at: new Date("2026-12-06T05:00:00Z") },
      { hour: new Date("2026-12-06T20:00:00Z"), n: 2, latest: "8.25", latest_at: new Date("2026-12-06T20:30:00.250Z") },
    ]);
  });

  it("answers 413 over 1,000 events, 400 for malformed JSON or a bad envelope, and writes nothing", async () => {
    const before = await totals(services, aurora, "api_calls");
    const big = await post({ events: Array.from({ length: 1001 }, (_, i) => apiCall(`big-${i}`)) });
    expect(big.status).toBe(413);
    expect(big.body.error.message).toMatch(/1000/);
    const malformed = await postEvents(server.base, key, null, '{"events": [');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as Json).error.message).toMatch(/JSON/);
    expect((await post({ events: [] })).status).toBe(400);
    expect((await post({ events: "x" })).status).toBe(400);
    expect((await post({ events: [apiCall("env-1")], extra: 1 })).status).toBe(400);
    expect((await post([apiCall("arr")])).status).toBe(400);
    expect(await totals(services, aurora, "api_calls")).toEqual(before);
  });

  it("limits each key's request rate with 429 and Retry-After", async () => {
    const { startTestServer: start } = await import("../support/http-client.ts");
    const limited = await start(services, {
      rateLimits: createRateLimits(services.sql, { machinePerKey: { points: 2, seconds: 60, fixedMinute: true } }),
    });
    try {
      // The three requests must fall in one calendar minute (the machine API counts per fixed minute).
      if (new Date().getSeconds() > 55) await new Promise((resolve) => setTimeout(resolve, 5_000));
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push(await postEvents(limited.base, key, { events: [apiCall(`rate-${i}`)] }));
      expect(statuses.map((r) => r.status)).toEqual([200, 200, 429]);
      expect(Number(statuses[2]?.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      const stored = await services.db.$queryRawUnsafe<{ n: bigint }[]>(
        "SELECT count(*) AS n FROM usage_event WHERE event_id LIKE 'rate-%'",
      );
      expect(Number(stored[0]?.n)).toBe(2);
    } finally {
      await limited.close();
    }
  });
});

describe("OpenAPI", () => {
  it("serves an OpenAPI 3.1 description generated from the request schemas", async () => {
    const res = await fetch(`${server.base}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Json;
    expect(doc.openapi).toBe("3.1.0");
    const op = doc.paths["/api/v1/usage/events"].post;
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "413", "429"]));
    const event = doc.components.schemas.UsageEvent;
    expect(event.required).toEqual(expect.arrayContaining(["id", "meter", "environment", "quantity", "timestamp"]));
    expect(event.additionalProperties).toBe(false);
    expect(doc.components.schemas.UsageEventBatch.properties.events.maxItems).toBe(1000);
    expect(doc.paths["/api/v1/meters"].get).toBeDefined();
  });

  it("lists the reportable meters to a key holder", async () => {
    const res = await fetch(`${server.base}/api/v1/meters`, { headers: { authorization: `Bearer ${key}` } });
    const body = (await res.json()) as Json;
    expect(body.meters.map((m: { code: string }) => m.code)).toEqual(["active_consents", "api_calls", "payments_initiated"]);
  });
});
