// The API's answers are written by a faster walker than superjson's, in superjson's own format:
// for every kind of value a procedure returns, the output is what superjson writes, and superjson
// (the console's client) reads back the same value.
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { serializeAnswer } from "../../../src/trpc/transformer.ts";

const created = new Date("2026-12-03T10:00:00.123Z");
const shared = { id: "x" };
const circular: Record<string, unknown> = { name: "loop" };
circular.self = circular;

/** What procedures return: written by the fast walker, read back as the same value. */
const plainData: Record<string, unknown> = {
  "a list page": {
    items: [
      { id: "a", legalName: "Banco Aurora", tradeName: null, roles: ["PAGTO"], createdAt: created, plan: { id: "p", name: "Pro" } },
      { id: "b", legalName: "Coop", tradeName: undefined, roles: [], createdAt: created, plan: null, _count: { environments: 2 } },
    ],
    total: 10003,
    page: 1,
    pageSize: 25,
  },
  "keys with dots and backslashes": { "a.b": { "c\\d": created }, "e\\.f": [undefined] },
  "an array at the root": [created, 1, "two", [undefined, null, true]],
  "an empty object": {},
  "an object without a prototype": Object.assign(Object.create(null), { at: created }),
  "a Date at the root": created,
  "undefined at the root": undefined,
  "a string at the root": "ok",
  "the same Date twice": { a: created, b: created },
};

/** The rest is left to superjson: the output is still exactly superjson's. */
const otherValues: Record<string, unknown> = {
  "a Map": { m: new Map([[1, created]]) },
  "a Set": { s: new Set(["a"]) },
  "a bigint": { n: 10n },
  "NaN, Infinity and -0": { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: -0 },
  "an invalid Date": { at: new Date(Number.NaN) },
  "the same object twice": { a: shared, b: shared },
  "a cycle": circular,
  "a class instance": { error: new Error("boom"), url: new URL("https://opus.example/") },
};

describe("serializeAnswer", () => {
  for (const [name, value] of Object.entries(plainData)) {
    it(`writes what superjson writes, and superjson reads it back: ${name}`, () => {
      const written = serializeAnswer(value);
      expect(JSON.stringify(written)).toBe(JSON.stringify(superjson.serialize(value)));
      expect(superjson.deserialize(JSON.parse(JSON.stringify(written)))).toEqual(value);
    });
  }
  for (const [name, value] of Object.entries(otherValues)) {
    it(`leaves the rest to superjson: ${name}`, () => {
      expect(JSON.stringify(serializeAnswer(value))).toBe(JSON.stringify(superjson.serialize(value)));
    });
  }

  it("marks Dates and undefined by path, so the console gets Dates back", () => {
    expect(serializeAnswer({ items: [{ createdAt: created, gone: undefined }] })).toEqual({
      json: { items: [{ createdAt: "2026-12-03T10:00:00.123Z", gone: null }] },
      meta: { values: { "items.0.createdAt": ["Date"], "items.0.gone": ["undefined"] }, v: 1 },
    });
  });
});
