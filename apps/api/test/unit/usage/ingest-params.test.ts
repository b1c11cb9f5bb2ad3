// The ingest statement's parameters: each shape (meter, environment, dimensions) once, every event
// naming its shape by number, so PostgreSQL parses each distinct JSON once per batch.
import { describe, expect, it } from "vitest";
import type { ResolvedEvent } from "../../../src/domain/usage/resolve-usage-events.ts";
import { ingestParams } from "../../../src/domain/usage/write-usage-events.ts";

const event = (id: string, meterId: string, environmentId: string, family: string, quantity = "1"): ResolvedEvent => ({
  index: 0,
  id,
  meterId,
  environmentId,
  quantity,
  occurredAtMs: Date.parse("2026-12-04T12:00:00.125Z"),
  dimensions: JSON.stringify({ family }),
  groupKey: JSON.stringify({ family }),
});

describe("ingestParams", () => {
  it("sends each shape once and numbers every event's shape from 1, in order of first use", () => {
    const receivedAt = new Date("2026-12-04T12:00:01Z");
    const params = ingestParams(
      "inst-1",
      [
        event("a", "meter_api_calls", "env-p", "accounts"),
        event("b", "meter_api_calls", "env-p", "loans", "2.5"),
        event("c", "meter_api_calls", "env-p", "accounts"),
        event("d", "meter_payments", "env-p", "accounts", "0.000001"),
        event("e", "meter_api_calls", "env-h", "accounts"),
      ],
      receivedAt,
    );
    expect(params).toEqual([
      "inst-1",
      '{"a","b","c","d","e"}',
      "{1,2.5,1,0.000001,1}",
      `{${Array(5).fill(Date.parse("2026-12-04T12:00:00.125Z")).join(",")}}`,
      "{1,2,1,3,4}",
      '{"meter_api_calls","meter_api_calls","meter_payments","meter_api_calls"}',
      '{"env-p","env-p","env-p","env-h"}',
      '{"{\\"family\\":\\"accounts\\"}","{\\"family\\":\\"loans\\"}","{\\"family\\":\\"accounts\\"}","{\\"family\\":\\"accounts\\"}"}',
      '{"{\\"family\\":\\"accounts\\"}","{\\"family\\":\\"loans\\"}","{\\"family\\":\\"accounts\\"}","{\\"family\\":\\"accounts\\"}"}',
      receivedAt,
    ]);
  });
});
