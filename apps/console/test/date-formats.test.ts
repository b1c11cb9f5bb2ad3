// Dates read the same on every page of a language: components name one of the shared formats
// (src/i18n/formats.ts) instead of passing their own options or calling Intl/toLocale* directly.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { formats } from "../src/i18n/formats";

const src = path.resolve(import.meta.dirname, "../src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("date formats", () => {
  const sources = files(src).map((file) => ({ file: path.relative(src, file), text: readFileSync(file, "utf8") }));

  it("every dateTime call names a shared format", () => {
    const named = Object.keys(formats.dateTime);
    const offending: string[] = [];
    for (const { file, text } of sources) {
      for (const match of text.matchAll(/\.dateTime\(([^()]|\([^()]*\))*?,\s*([^)]*)\)/g)) {
        const format = match[2]?.trim() ?? "";
        if (!named.some((name) => format === `"${name}"`)) offending.push(`${file}: ${match[0]}`);
      }
    }
    expect(offending).toEqual([]);
  });

  it("no component formats a date by hand", () => {
    const offending = sources
      // Not for display: a billing month's key, an export's file name.
      .filter(({ file }) => !["lib/billing-month.ts", "components/audit/audit-export.tsx"].includes(file) && !file.startsWith("i18n/"))
      .filter(({ text }) => /toLocale(Date|Time)?String\(|new Intl\.DateTimeFormat/.test(text))
      .map(({ file }) => file);
    expect(offending).toEqual([]);
  });
});
