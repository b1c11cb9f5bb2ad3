// Validates each event of a batch on its own and resolves its meter and environment, so one bad
// event is rejected with a reason while the others go on. Scope violations reject the whole batch.

import type { SqlPool } from "@opus/db/sql-pool";
import type { z } from "zod";
import { AppError } from "../../errors/app-error.ts";
import type { ApiKeyScope } from "../api-keys/authenticate-api-key.ts";
import type { PublicDomainContext } from "../domain-context.ts";
import { type CatalogMeter, ingestCatalog } from "./ingest-catalog.ts";
import { type EventResult, MAX_EVENTS_PER_BATCH, zUsageEvent } from "./usage-event-schema.ts";
import { wellFormedUsageEvent } from "./well-formed-usage-event.ts";

/** Clocks drift: a little future is tolerated, more is a bug in the reporter. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** Older events are refused: far beyond the 35 days other metering services accept, but bounded. */
export const MAX_EVENT_AGE_DAYS = 400;

export type ResolvedEvent = {
  index: number;
  id: string;
  meterId: string;
  environmentId: string;
  /** A checked decimal. */
  quantity: string;
  /** Epoch milliseconds, the precision kept. */
  occurredAtMs: number;
  dimensions: string;
  groupKey: string;
};

type Ctx = Pick<PublicDomainContext, "db" | "clock"> & { sql: SqlPool };

function reject(index: number, id: string | null, code: NonNullable<EventResult["code"]>, message: string): EventResult {
  return { index, id, status: "rejected", code, message };
}

/** Keys any JavaScript object lists first, in numeric order, whatever the sort. */
const ARRAY_INDEX = /^(0|[1-9]\d{0,9})$/;

/** Sorted keys: the same dimensions always make the same rollup key (stored text, so byte for byte). */
export function canonicalJson(record: Record<string, string>): string {
  const keys = Object.keys(record);
  if (keys.some((k) => ARRAY_INDEX.test(k))) {
    // An integer-like key is enumerated before the others by any object; the stored keys were made this way.
    return JSON.stringify(Object.fromEntries(keys.sort().map((k) => [k, record[k]])));
  }
  // Reporters usually send the same keys in the same (sorted) order: then the object as it came,
  // stringified natively, already is the canonical text.
  let sorted = true;
  for (let i = 1; i < keys.length && sorted; i++) sorted = (keys[i - 1] as string) < (keys[i] as string);
  if (sorted) return JSON.stringify(record);
  // Built directly: same bytes as stringifying the sorted object, without making one per event.
  let json = "{";
  for (const k of keys.sort()) json += `${json.length > 1 ? "," : ""}${JSON.stringify(k)}:${JSON.stringify(record[k])}`;
  return `${json}}`;
}

export async function resolveUsageEvents(ctx: Ctx, scope: ApiKeyScope, raw: unknown[]) {
  if (raw.length > MAX_EVENTS_PER_BATCH) {
    throw new AppError("PAYLOAD_TOO_LARGE", `A batch holds at most ${MAX_EVENTS_PER_BATCH} events; this one has ${raw.length}.`);
  }
  const now = ctx.clock.now().getTime();
  const results: (EventResult | null)[] = new Array(raw.length).fill(null);
  const resolved: ResolvedEvent[] = [];
  const unknownEnvironmentRefs = new Set<string>();
  const seen = new Set<string>();

  type Rejection = { code: NonNullable<EventResult["code"]>; message: string };
  type Checked = { meter: CatalogMeter; environmentId: string; occurredAt: number };
  type Event = z.output<typeof zUsageEvent>;

  // Parse every event first, so the catalogue is read (and, for a reference it does not know,
  // read again) once for the whole batch, and the checks below run without a promise per event.
  const parsedEvents: { index: number; event: Event }[] = [];
  const meterCodes = new Set<string>();
  const environmentRefs = new Set<string>();
  for (const [index, candidate] of raw.entries()) {
    const wellFormed = wellFormedUsageEvent(candidate);
    const parsed = wellFormed ? ({ success: true, data: wellFormed } as const) : zUsageEvent.safeParse(candidate);
    if (!parsed.success) {
      const id = typeof (candidate as { id?: unknown } | null)?.id === "string" ? (candidate as { id: string }).id : null;
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `${issue.path.join(".")}: ` : "";
      results[index] = reject(index, id, "invalid_event", `${where}${issue?.message ?? "invalid event"}`);
      continue;
    }
    parsedEvents.push({ index, event: parsed.data });
    meterCodes.add(parsed.data.meter);
    environmentRefs.add(parsed.data.environment);
  }
  const catalog = await ingestCatalog(ctx.sql, scope.institutionId, meterCodes, environmentRefs);

  const check = (event: Event): Rejection | Checked => {
    const meter = catalog.meter(event.meter);
    if (!meter) return { code: "unknown_meter", message: `No meter "${event.meter}".` };
    if (meter.retiredAt) return { code: "meter_retired", message: `Meter "${event.meter}" was retired.` };
    if (meter.source !== "API")
      return { code: "meter_not_reportable", message: `Meter "${event.meter}" is computed by Opus, not reported.` };
    const environmentId = catalog.environment(event.environment);
    if (!environmentId) {
      unknownEnvironmentRefs.add(event.environment);
      return { code: "unknown_environment", message: `No environment "${event.environment}" for this institution.` };
    }
    if (scope.environmentId && environmentId !== scope.environmentId) {
      throw new AppError("FORBIDDEN", `This API key reports only for environment ${scope.environmentId}; an event names another.`);
    }
    const occurredAt = Date.parse(event.timestamp);
    if (occurredAt > now + FUTURE_TOLERANCE_MS)
      return { code: "timestamp_in_future", message: "timestamp is more than 5 minutes in the future." };
    if (occurredAt < now - MAX_EVENT_AGE_DAYS * 86_400_000)
      return { code: "timestamp_too_old", message: `timestamp is more than ${MAX_EVENT_AGE_DAYS} days old.` };
    return { meter, environmentId, occurredAt };
  };

  for (const { index, event } of parsedEvents) {
    const checked = check(event);
    if ("code" in checked) {
      results[index] = reject(index, event.id, checked.code, checked.message);
      continue;
    }
    if (seen.has(event.id)) {
      results[index] = { index, id: event.id, status: "duplicate" };
      continue;
    }
    seen.add(event.id);
    const { meter, environmentId } = checked;
    const groupKey: Record<string, string> = {};
    for (const dimension of meter.dimensions) {
      const value = event.dimensions[dimension];
      if (value !== undefined) groupKey[dimension] = value;
    }
    resolved.push({
      index,
      id: event.id,
      meterId: meter.id,
      environmentId,
      quantity: event.quantity,
      occurredAtMs: checked.occurredAt,
      dimensions: canonicalJson(event.dimensions),
      groupKey: canonicalJson(groupKey),
    });
  }

  // An environment id of another institution is a key used out of scope, not a typo.
  if (unknownEnvironmentRefs.size) {
    const foreign = await ctx.db.environment.findFirst({ where: { id: { in: [...unknownEnvironmentRefs] } }, select: { id: true } });
    if (foreign) throw new AppError("FORBIDDEN", "This API key cannot report usage for another institution's environment.");
  }
  return { results, resolved };
}
