// The machine API's usage event, validated one event at a time so a bad event is rejected alone.
import { z } from "zod";

export const MAX_EVENTS_PER_BATCH = 1000;

/** Up to 15 integer digits and 6 decimals: exact in NUMERIC, and far beyond any real count. */
export const DECIMAL = /^(0|[1-9]\d{0,14})(\.\d{1,6})?$/;

export const zQuantity = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    // A JSON number arrives as a double: its shortest decimal form is what the client wrote.
    const text = typeof v === "number" ? String(v) : v.trim();
    if (!DECIMAL.test(text)) {
      ctx.addIssue({ code: "custom", message: "quantity must be a non-negative decimal with at most 15 digits and 6 decimals" });
      return z.NEVER;
    }
    return text;
  })
  .meta({ description: 'Non-negative decimal, as a JSON number or a string ("12.5").', examples: [1, "0.5"] });

export const zTimestamp = z.iso.datetime({ offset: true }).meta({ description: "When it happened, ISO 8601 with a time zone." });

export const zUsageEvent = z
  .strictObject({
    id: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces")
      .meta({
        description: "The client's idempotency key: an id seen before for this institution is a duplicate, for the life of the events.",
      }),
    meter: z.string().min(1).max(64).meta({ description: "Meter code, e.g. `api_calls` (GET /api/v1/meters lists them)." }),
    environment: z
      .string()
      .min(1)
      .max(64)
      .meta({ description: "The environment's id, or its kind (`development`, `homologation`, `production`)." }),
    quantity: zQuantity,
    timestamp: zTimestamp,
    dimensions: z
      .record(z.string().min(1).max(64), z.string().max(200))
      .refine((d) => Object.keys(d).length <= 16, "at most 16 dimensions")
      .default({})
      .meta({ description: 'E.g. {"family": "accounts", "endpoint": "/accounts/v2/accounts"}.' }),
  })
  .meta({ id: "UsageEvent" });

export type UsageEventInput = z.input<typeof zUsageEvent>;

export const zUsageBatch = z.strictObject({
  institutionId: z.string().optional().meta({ description: "Optional: when given, must be the key's institution." }),
  events: z.array(z.unknown()).min(1),
});

/** For the OpenAPI description: what an element of `events` must look like. */
export const zUsageBatchDocumented = zUsageBatch
  .extend({
    events: z
      .array(zUsageEvent)
      .min(1)
      .max(MAX_EVENTS_PER_BATCH)
      .meta({ description: `1 to ${MAX_EVENTS_PER_BATCH} events, each validated on its own: a bad event is rejected alone.` }),
  })
  .meta({ id: "UsageEventBatch" });

export const REJECTION_CODES = [
  "invalid_event",
  "unknown_meter",
  "meter_retired",
  "meter_not_reportable",
  "unknown_environment",
  "timestamp_in_future",
  "timestamp_too_old",
] as const;

export const zEventResult = z
  .object({
    index: z.number().int(),
    id: z.string().nullable(),
    status: z.enum(["accepted", "duplicate", "rejected"]),
    code: z.enum(REJECTION_CODES).optional(),
    message: z.string().optional(),
    late: z
      .boolean()
      .optional()
      .meta({ description: "Accepted for a month already finalized: booked as an adjustment on the next report." }),
  })
  .meta({ id: "UsageEventResult" });

export const zBatchResult = z
  .object({
    accepted: z.number().int(),
    duplicates: z.number().int(),
    rejected: z.number().int(),
    results: z.array(zEventResult),
  })
  .meta({ id: "UsageEventBatchResult" });

export type EventResult = z.infer<typeof zEventResult>;
export type BatchResult = z.infer<typeof zBatchResult>;
