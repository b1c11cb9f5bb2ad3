// Helpers for usage tests: keys, batches over real HTTP, rollup totals straight from the tables.
import type { Services } from "../../src/services.ts";
import { callerFor, institutionIdOf } from "../support/callers.ts";

export async function createKey(services: Services, email: string, slug: string, environmentId?: string) {
  const institutionId = await institutionIdOf(services, slug);
  const caller = await callerFor(services, email);
  const created = await caller.apiKeys.create({ institutionId, name: "test key", ...(environmentId ? { environmentId } : {}) });
  return { ...created, institutionId };
}

export function postEvents(base: string, key: string | null, body: unknown, raw?: string) {
  return fetch(`${base}/api/v1/usage/events`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: raw ?? JSON.stringify(body),
  });
}

export type Totals = { events: number; count: number; sum: string };

/** Totals of one meter for an institution, from raw events, hourly and daily rollups. */
export async function totals(services: Services, institutionId: string, meterCode: string) {
  const meter = await services.db.meter.findUniqueOrThrow({ where: { code: meterCode } });
  const [raw] = await services.db.$queryRawUnsafe<{ n: bigint; s: string | null }[]>(
    "SELECT count(*) AS n, sum(quantity)::text AS s FROM usage_event WHERE institution_id = $1 AND meter_id = $2 AND voided_at IS NULL",
    institutionId,
    meter.id,
  );
  const rollup = async (table: string) => {
    const [row] = await services.db.$queryRawUnsafe<{ n: bigint | null; s: string | null }[]>(
      `SELECT sum(event_count) AS n, sum(quantity_sum)::text AS s FROM ${table} WHERE institution_id = $1 AND meter_id = $2`,
      institutionId,
      meter.id,
    );
    return { count: Number(row?.n ?? 0), sum: row?.s ?? "0" };
  };
  return {
    raw: { count: Number(raw?.n ?? 0), sum: raw?.s ?? "0" },
    hourly: await rollup("usage_rollup_hourly"),
    daily: await rollup("usage_rollup_daily"),
  };
}

export function apiCall(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    meter: "api_calls",
    environment: "production",
    quantity: 1,
    timestamp: "2026-12-05T15:00:00Z",
    dimensions: { family: "accounts", endpoint: "/accounts/v2/accounts" },
    ...overrides,
  };
}

/** Response bodies are asserted field by field; their exact types are the OpenAPI document's business. */
// biome-ignore lint/suspicious/noExplicitAny: test-only reading of JSON bodies
export type Json = any;
