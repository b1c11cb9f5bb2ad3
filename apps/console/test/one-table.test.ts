// Every table of the console is a DataTable (src/components/ui/data-table.tsx): one place gives each
// table its caption, its keyboard-scrollable frame, loading rows and an empty state instead of an
// empty grid. A hand-built <table> elsewhere would miss them, so none is allowed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const src = path.resolve(import.meta.dirname, "../src");
const DATA_TABLE = path.join("components", "ui", "data-table.tsx");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full) : /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("tables", () => {
  const sources = files(src).map((file) => ({ file: path.relative(src, file), text: readFileSync(file, "utf8") }));

  it("only DataTable renders a <table>", () => {
    expect(sources.some(({ file }) => file === DATA_TABLE)).toBe(true);
    const handBuilt = sources.filter(({ file, text }) => file !== DATA_TABLE && /<table[\s>]/.test(text)).map(({ file }) => file);
    expect(handBuilt).toEqual([]);
  });

  it("the rule sees a hand-built table", () => {
    // The pattern the rule applies, on the shapes a hand-built table takes.
    for (const text of ['<table className="w-full">', "<table>", "<table\n  className={x}>"]) expect(/<table[\s>]/.test(text)).toBe(true);
    expect(/<table[\s>]/.test("<tableau>")).toBe(false);
  });
});
