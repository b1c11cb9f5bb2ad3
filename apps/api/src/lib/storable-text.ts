// Text PostgreSQL cannot store: a NUL character (text columns refuse U+0000, jsonb refuses \u0000)
// and a lone UTF-16 surrogate (half of a character; it has no UTF-8 encoding). Valid JSON can carry
// both, so every transport checks the whole raw input with this before any procedure runs: the
// request is a 400 that names the field, instead of a 500 from the database.

export type UnstorableText = { path: string; problem: string };

const NUL = "\u0000";
// With the u flag a well-formed surrogate pair is one code point, so this matches only a lone half.
const LONE_SURROGATE = /\p{Cs}/u;

function problemOf(text: string): string | null {
  if (text.includes(NUL)) return "contains a NUL character (U+0000), which cannot be stored";
  if (LONE_SURROGATE.test(text)) return "contains a broken character (a lone UTF-16 surrogate), which cannot be stored";
  return null;
}

function printable(text: string): string {
  return text.replaceAll(NUL, "\uFFFD").replace(new RegExp(LONE_SURROGATE.source, "gu"), "\uFFFD");
}

/** The first string (value or object key) in `input` that cannot be stored, with its path ("brands.0.name"). */
export function findUnstorableText(input: unknown): UnstorableText | null {
  // Iterative, so a deeply nested body cannot overflow the stack.
  const pending: { value: unknown; path: string[] }[] = [{ value: input, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop() as { value: unknown; path: string[] };
    if (typeof value === "string") {
      const problem = problemOf(value);
      if (problem) return { path: path.join("."), problem };
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => {
        pending.push({ value: item, path: [...path, String(i)] });
      });
    } else if (typeof value === "object" && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        const problem = problemOf(key);
        // The key is named in the message, so the broken characters are replaced for display.
        if (problem) return { path: [...path, printable(key)].join("."), problem: `its name ${problem}` };
        pending.push({ value: item, path: [...path, key] });
      }
    }
  }
  return null;
}

/**
 * False when JSON text cannot hold unstorable text, so the walk above can be skipped: JSON.parse
 * refuses a raw NUL, and text decoded from UTF-8 has no lone surrogate (bad bytes become U+FFFD),
 * so either can only come from a backslash-u escape.
 */
export function jsonTextMayHoldUnstorable(json: string): boolean {
  return json.includes("\\u");
}
