// The hand-written fast path must never accept what zod refuses, and must output what zod outputs:
// rejections (and their messages) come from zod alone.
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../../src/domain/usage/resolve-usage-events.ts";
import { zUsageEvent } from "../../../src/domain/usage/usage-event-schema.ts";
import { wellFormedUsageEvent } from "../../../src/domain/usage/well-formed-usage-event.ts";

const good = {
  id: "evt-1",
  meter: "api_calls",
  environment: "production",
  quantity: "1",
  timestamp: "2026-11-03T10:00:00.123Z",
  dimensions: { family: "accounts", endpoint: "/accounts/v2" },
};

const variants: Record<string, unknown>[] = [
  good,
  { ...good, quantity: 2.5 },
  { ...good, quantity: " 7.000001 " },
  { ...good, timestamp: "2026-11-03T10:00:00-03:00" },
  { ...good, dimensions: undefined },
  // Each of these breaks one rule of the schema.
  { ...good, id: "" },
  { ...good, id: "has space" },
  { ...good, id: "x".repeat(201) },
  { ...good, meter: "" },
  { ...good, meter: "m".repeat(65) },
  { ...good, environment: "e".repeat(65) },
  { ...good, quantity: "-1" },
  { ...good, quantity: "1.1234567" },
  { ...good, quantity: 1e21 },
  { ...good, quantity: null },
  { ...good, timestamp: "2026-02-30T10:00:00Z" },
  { ...good, timestamp: "2026-11-03T10:00:00" },
  { ...good, timestamp: "2026-11-03 10:00:00Z" },
  { ...good, dimensions: null },
  { ...good, dimensions: ["a"] },
  { ...good, dimensions: { family: 1 } },
  { ...good, dimensions: { "": "x" } },
  { ...good, dimensions: { family: "v".repeat(201) } },
  { ...good, dimensions: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`d${i}`, "x"])) },
  { ...good, extra: true },
];

describe("well-formed usage events (the path that skips zod)", () => {
  it.each(variants.map((v, i) => [i, v]))("variant %i: accepted only when zod accepts, with zod's output", (_i, variant) => {
    const fast = wellFormedUsageEvent(variant);
    const zod = zUsageEvent.safeParse(variant);
    if (!zod.success) expect(fast).toBeNull();
    else expect(fast).toEqual(zod.data);
  });

  it("takes the well-formed events (so the fast path is actually used)", () => {
    expect(wellFormedUsageEvent(good)).not.toBeNull();
    expect(wellFormedUsageEvent({ ...good, quantity: 2.5 })?.quantity).toBe("2.5");
    expect(wellFormedUsageEvent({ ...good, dimensions: undefined })?.dimensions).toEqual({});
  });
});

describe("canonical dimension JSON (stored rollup keys: byte for byte what sorting an object gives)", () => {
  const bySortedObject = (r: Record<string, string>) =>
    JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
  it.each([
    [{}],
    [{ family: "x", endpoint: "/y" }],
    // Already in order (the path that stringifies the object as it came), with and without integer-like keys.
    [{ endpoint: "/y", family: "x" }],
    [{ "2": "b", "10": "a", z: "c" }],
    [{ a: "1", b: "2", "7": "3" }],
    [{ "10": "a", "2": "b", z: "c" }],
    [{ é: "1", e: '"q\\' }],
    [{ e: '"q\\', é: "1" }],
  ])("%j", (r) => {
    expect(canonicalJson(r)).toBe(bySortedObject(r));
  });
});
