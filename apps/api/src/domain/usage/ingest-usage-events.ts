// POST /api/v1/usage/events: per-event results, in the order the events were sent.

import type { SqlPool } from "@opus/db/sql-pool";
import type { ApiKeyScope } from "../api-keys/authenticate-api-key.ts";
import type { PublicDomainContext } from "../domain-context.ts";
import { resolveUsageEvents } from "./resolve-usage-events.ts";
import type { BatchResult, EventResult } from "./usage-event-schema.ts";
import { writeUsageEvents } from "./write-usage-events.ts";

export async function ingestUsageEvents(
  ctx: Pick<PublicDomainContext, "db" | "clock"> & { sql: SqlPool },
  scope: ApiKeyScope,
  events: unknown[],
): Promise<BatchResult> {
  const { results, resolved } = await resolveUsageEvents(ctx, scope, events);
  const written = await writeUsageEvents(ctx, scope.institutionId, resolved);
  for (const event of resolved) {
    const fresh = written.get(event.id);
    results[event.index] = fresh
      ? { index: event.index, id: event.id, status: "accepted", ...(fresh.late ? { late: true } : {}) }
      : { index: event.index, id: event.id, status: "duplicate" };
  }
  const final = results as EventResult[];
  let accepted = 0;
  let duplicates = 0;
  for (const r of final) {
    if (r.status === "accepted") accepted++;
    else if (r.status === "duplicate") duplicates++;
  }
  return { accepted, duplicates, rejected: final.length - accepted - duplicates, results: final };
}
