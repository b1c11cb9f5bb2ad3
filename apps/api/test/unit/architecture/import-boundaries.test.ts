// The layering holds by test, not by convention: the domain depends on no transport, no worker
// runtime and no process wiring, and no two top-level parts of the API import each other (a
// cycle means neither can be understood, tested or replaced alone). Read from the source text.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../../src");
/** Process wiring: what starts a process and builds its services. The domain receives a DomainContext instead. */
const ENTRY_POINTS = ["server.ts", "worker.ts", "migrate-database.ts", "create-services.ts", "services.ts", "env"];
const FORBIDDEN_FOR_DOMAIN = ["trpc", "provisioning", "http", ...ENTRY_POINTS];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Every module specifier a file names: static imports and re-exports (type-only included) and dynamic imports. */
export function specifiers(text: string): string[] {
  const found = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gms),
    ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ];
  return found.map((match) => match[1] as string);
}

/** The top-level part of src a path belongs to: its first folder, or the file itself at the root. */
const part = (file: string) => path.relative(SRC, file).split(path.sep)[0] as string;

type Edge = { from: string; to: string; file: string; specifier: string };

function edges(): Edge[] {
  return sourceFiles(SRC).flatMap((file) =>
    specifiers(readFileSync(file, "utf8"))
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) => {
        const target = path.resolve(path.dirname(file), specifier);
        return { from: part(file), to: part(target), file: path.relative(SRC, file), specifier };
      })
      .filter((edge) => edge.from !== edge.to),
  );
}

/** Strongly connected components of more than one part (Tarjan): each is an import cycle. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node) as number, low.get(to) as number));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node) as number, index.get(to) as number));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe("import boundaries of apps/api/src", () => {
  const all = edges();

  it("reads the imports it checks (the routers call the domain, the worker runtime too)", () => {
    expect(all.some((e) => e.from === "trpc" && e.to === "domain")).toBe(true);
    expect(all.some((e) => e.from === "provisioning" && e.to === "domain")).toBe(true);
    expect(specifiers('import type { A } from "./a.ts";\nexport { b } from "../b.ts";\nconst c = await import("./c.ts");')).toEqual([
      "./a.ts",
      "../b.ts",
      "./c.ts",
    ]);
  });

  it("keeps the domain free of transport, worker runtime and process wiring", () => {
    const violations = all
      .filter((e) => e.from === "domain" && FORBIDDEN_FOR_DOMAIN.includes(e.to))
      .map((e) => `${e.file} imports ${e.specifier}`);
    expect(violations).toEqual([]);
  });

  it("has no import cycle between top-level folders", () => {
    const graph = new Map<string, Set<string>>();
    for (const e of all) graph.set(e.from, (graph.get(e.from) ?? new Set()).add(e.to));
    const found = cycles(graph).map((component) => {
      const inside = all.filter((e) => component.includes(e.from) && component.includes(e.to));
      return { parts: component, imports: inside.map((e) => `${e.file} → ${e.specifier}`) };
    });
    expect(found).toEqual([]);
  });
});
