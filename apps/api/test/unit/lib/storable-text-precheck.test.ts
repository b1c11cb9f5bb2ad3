// The REST handler skips the walk over a parsed body when the raw JSON text cannot hold unstorable
// text; skipping must never let a NUL or a lone surrogate through.
import { describe, expect, it } from "vitest";
import { findUnstorableText, jsonTextMayHoldUnstorable } from "../../../src/lib/storable-text.ts";

describe("raw JSON pre-check for unstorable text", () => {
  const unstorable = [{ a: "x\u0000" }, { a: ["ok", { "k\u0000": "v" }] }, { a: "\ud800" }, { [`\udc00`]: 1 }];
  it.each(unstorable.map((b) => [JSON.stringify(b)]))("%s: may hold it, and the walk finds it", (text) => {
    expect(findUnstorableText(JSON.parse(text))).not.toBeNull();
    expect(jsonTextMayHoldUnstorable(text)).toBe(true);
  });
  it("ordinary bodies (accents, emoji, bytes decoded as U+FFFD) skip the walk", () => {
    const decoded = Buffer.concat([
      Buffer.from('{"name":"S\u00e3o Paulo \ud83d\ude00 '),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}'),
    ]).toString("utf8");
    expect(findUnstorableText(JSON.parse(decoded))).toBeNull();
    expect(jsonTextMayHoldUnstorable(decoded)).toBe(false);
  });
});
