import { z } from "zod";
import { ingestUsageEvents } from "../../domain/usage/ingest-usage-events.ts";
import { listReportableMeters } from "../../domain/usage/list-meters.ts";
import { zBatchResult, zUsageBatch, zUsageBatchDocumented } from "../../domain/usage/usage-event-schema.ts";
import { USAGE_EVENTS_PATH } from "../../domain/usage/usage-events-path.ts";
import { AppError } from "../../errors/app-error.ts";
import { defineRoute } from "./rest-route.ts";

export const postUsageEvents = defineRoute({
  method: "POST",
  path: USAGE_EVENTS_PATH,
  operationId: "postUsageEvents",
  summary: "Report a batch of usage events",
  description:
    "Up to 1,000 events. Each event gets its own status: accepted, duplicate (its id was seen before, for the life of the events) " +
    "or rejected with a reason code; the rest of the batch is accepted. Retrying a batch never counts an event twice.",
  body: zUsageBatch,
  documentedBody: zUsageBatchDocumented,
  response: zBatchResult,
  errors: [403, 413],
  handle: async ({ services, scope, body }) => {
    if (body.institutionId !== undefined && body.institutionId !== scope.institutionId) {
      throw new AppError("FORBIDDEN", "This API key belongs to another institution.");
    }
    const result = await ingestUsageEvents({ db: services.db, sql: services.sql, clock: services.clock }, scope, body.events);
    // One counter update per outcome, not per event (a label lookup each).
    if (result.accepted) services.metrics.usageEvents.inc({ outcome: "accepted" }, result.accepted);
    if (result.duplicates) services.metrics.usageEvents.inc({ outcome: "duplicate" }, result.duplicates);
    if (result.rejected) services.metrics.usageEvents.inc({ outcome: "rejected" }, result.rejected);
    return result;
  },
});

const zMeter = z
  .object({
    code: z.string(),
    name: z.string(),
    unit: z.string(),
    aggregation: z.enum(["COUNT", "SUM", "MAX", "LATEST"]),
    dimensions: z.array(z.string()),
  })
  .meta({ id: "Meter" });

export const getMeters = defineRoute({
  method: "GET",
  path: "/api/v1/meters",
  operationId: "listMeters",
  summary: "Meters that accept events",
  response: z.object({ meters: z.array(zMeter) }),
  errors: [],
  handle: async ({ services }) => ({ meters: await listReportableMeters({ db: services.db }) }),
});
