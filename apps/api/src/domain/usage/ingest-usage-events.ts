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
    results[event.index] = written.duplicates.has(event.id)
      ? { index: event.index, id: event.id, status: "duplicate" }
      : { index: event.index, id: event.id, status: "accepted", ...(written.late.has(event.id) ? { late: true } : {}) };
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
