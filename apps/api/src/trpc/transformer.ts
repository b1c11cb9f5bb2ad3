// The tRPC transformer: superjson's wire format (the console's client deserializes with superjson),
// with a faster writer for what procedures return. Answers are plain data (objects, arrays, strings,
// finite numbers, booleans, null, Dates, undefined), which one walk turns into superjson's
// `{ json, meta: { values: { "path.to.key": ["Date"] }, v: 1 } }`. superjson's general walker costs
// a list page about 0.5 ms of CPU (it tracks identities and checks every value against its
// registries); anything outside plain data (a Map, a shared or circular object, NaN, a class
// instance) is left to superjson itself, so the output is always what superjson would read.
// Input is small and parsed by superjson as before.
import superjson from "superjson";

type SuperJsonResult = ReturnType<typeof superjson.serialize>;
type Annotations = Record<string, ["Date"] | ["undefined"]>;

/** Thrown inside the walk when a value is not plain data; caught once, at the top. */
const NOT_PLAIN = new Error("not plain data");

/** superjson's path syntax: keys joined by ".", with "." and "\\" in a key escaped. */
function pathOf(keys: readonly string[]): string {
  return keys.map((key) => (key.includes(".") || key.includes("\\") ? key.replace(/\\/g, "\\\\").replace(/\./g, "\\.") : key)).join(".");
}

function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/**
 * The JSON form of `value`, found at `keys` (empty: the root, always a container here), recording
 * Dates and undefined in `annotations`. The keys are one stack pushed and popped along the walk:
 * a path string is built only for the few values that are annotated, not for every value.
 */
function walk(value: unknown, keys: string[], annotations: Annotations, seen: Set<object>): unknown {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value) || Object.is(value, -0)) throw NOT_PLAIN;
      return value;
    case "undefined":
      annotations[pathOf(keys)] = ["undefined"];
      return null;
    case "object":
      break;
    default:
      throw NOT_PLAIN; // bigint, symbol, function
  }
  if (value === null) return null;
  // The same object twice (superjson records referential equalities) or a cycle: superjson's job.
  if (seen.has(value)) throw NOT_PLAIN;
  seen.add(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw NOT_PLAIN;
    annotations[pathOf(keys)] = ["Date"];
    return value.toISOString();
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      keys.push(String(i));
      out[i] = walk(value[i], keys, annotations, seen);
      keys.pop();
    }
    return out;
  }
  if (!isPlainObject(value)) throw NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    // superjson refuses these (prototype pollution); let it say so.
    if (key === "__proto__" || key === "constructor" || key === "prototype") throw NOT_PLAIN;
    keys.push(key);
    out[key] = walk((value as Record<string, unknown>)[key], keys, annotations, seen);
    keys.pop();
  }
  return out;
}

/** superjson.serialize's output for `value`, computed faster for plain data. */
export function serializeAnswer(value: unknown): SuperJsonResult {
  // superjson annotates a Date or undefined at the root differently (`values: ["Date"]`).
  if (value === null || typeof value !== "object" || value instanceof Date) return superjson.serialize(value);
  const annotations: Annotations = {};
  let json: unknown;
  try {
    json = walk(value, [], annotations, new Set());
  } catch (err) {
    if (err === NOT_PLAIN) return superjson.serialize(value);
    throw err;
  }
  return (Object.keys(annotations).length ? { json, meta: { values: annotations, v: 1 } } : { json }) as SuperJsonResult;
}

export const transformer = {
  input: superjson,
  output: { serialize: serializeAnswer, deserialize: superjson.deserialize.bind(superjson) },
};
