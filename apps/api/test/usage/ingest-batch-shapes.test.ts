// usage_ingest_batch takes each shape once and every event's shape by number: an event naming a shape
// that was not sent must fail the call (nothing written), never vanish while the API counts it accepted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResolvedEvent } from "../../src/domain/usage/resolve-usage-events.ts";
import { ingestParams } from "../../src/domain/usage/write-usage-events.ts";
import { institutionIdOf } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let aurora: string;
let environmentId: string;
beforeAll(async () => {
  services = await createTestServices();
  aurora = await institutionIdOf(services, "banco-aurora");
  environmentId = (await services.db.environment.findFirstOrThrow({ where: { institutionId: aurora }, select: { id: true } })).id;
});
afterAll(async () => {
  await services.cleanup();
});

const SQL = "SELECT event_id, status FROM usage_ingest_batch($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
const event = (id: string): ResolvedEvent => ({
  index: 0,
  id,
  meterId: "meter_api_calls",
  environmentId,
  quantity: "1",
  occurredAtMs: Date.parse("2026-11-20T12:00:00Z"),
  dimensions: '{"family":"accounts"}',
  groupKey: '{"family":"accounts"}',
});
const stored = async (prefix: string) =>
  Number(
    (
      await services.sql.query<{ n: string }>("SELECT count(*) AS n FROM usage_event_key WHERE institution_id = $1 AND event_id LIKE $2", [
        aurora,
        `${prefix}%`,
      ])
    ).rows[0]?.n,
  );

describe("usage_ingest_batch's shape numbers", () => {
  it("writes events that name the shapes sent", async () => {
    const params = ingestParams(aurora, [event("shape-ok-1"), event("shape-ok-2")], new Date());
    expect((await services.sql.query(SQL, params)).rows).toEqual([]);
    expect(await stored("shape-ok-")).toBe(2);
  });

  it.each([
    ["a shape number past the shapes sent", "{1,2}"],
    ["shape 0", "{0,1}"],
    ["a missing shape", "{1,NULL}"],
    ["fewer shape numbers than events", "{1}"],
  ])("refuses %s and writes nothing", async (_, shapes) => {
    const params = ingestParams(aurora, [event("shape-bad-1"), event("shape-bad-2")], new Date());
    params[4] = shapes;
    await expect(services.sql.query(SQL, params)).rejects.toThrow(/every event must name one of the 1 shapes sent/);
    expect(await stored("shape-bad-")).toBe(0);
  });
});
