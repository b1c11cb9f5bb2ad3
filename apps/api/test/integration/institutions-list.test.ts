// The Opus institutions list at fleet scale: the same answers as the ORM would give (every filter,
// sort and page), child counts that are right, search that is literal text, and statements whose
// plans never read a child table in full.
import type { Prisma } from "@opus/db/client";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedFleet } from "../../bench/api/seed-fleet.ts";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let admin: Awaited<ReturnType<typeof callerFor>>;
let statements: { sql: string; params: string }[] = [];
type FindInput = Parameters<typeof admin.institutions.find>[0];

beforeAll(async () => {
  services = await createTestServices({ onQuery: (sql, params) => statements.push({ sql, params }) });
  admin = await callerFor(services, "admin@opus.example");
  // Enough rows that PostgreSQL plans as it would for a real fleet (tiny tables are always scanned).
  await seedFleet(services.databaseUrl, {
    institutions: 3000,
    environmentsPerInstitution: 2,
    membersPerInstitution: 2,
    operationsPerEnvironment: 2,
    auditEventsPerInstitution: 3,
  });
  await services.db.institution.update({ where: { slug: "fleet-7" }, data: { tradeName: "Marca 100% Digital_7" } });
}, 60_000);
afterAll(async () => {
  await services.cleanup();
});

/** The same question asked through the ORM: the reference the SQL must agree with. */
async function reference(
  input: Required<Pick<NonNullable<FindInput>, "sort" | "direction" | "page" | "pageSize">> & NonNullable<FindInput>,
) {
  const search = input.search?.trim();
  const digits = search?.replace(/[./\-\s]/g, "").toUpperCase();
  const where: Prisma.InstitutionWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.mode ? { deploymentMode: input.mode } : {}),
    ...(input.planId ? { planId: input.planId } : {}),
    ...(input.role ? { roles: { has: input.role } } : {}),
    ...(search
      ? {
          OR: [
            { legalName: { contains: search, mode: "insensitive" } },
            { tradeName: { contains: search, mode: "insensitive" } },
            ...(digits ? [{ cnpj: { startsWith: digits } }] : []),
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    services.db.institution.count({ where }),
    services.db.institution.findMany({
      where,
      orderBy: [{ [input.sort]: input.direction }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: { id: true, _count: { select: { environments: true, memberships: true } }, plan: { select: { id: true, name: true } } },
    }),
  ]);
  return { total, rows };
}

describe("institutions.find", () => {
  it("answers every filter, sort and page exactly as the ORM does, child counts included", async () => {
    const plans = await services.db.plan.findMany();
    const shapes: FindInput[] = [
      {},
      { page: 40, sort: "createdAt", direction: "desc" },
      { page: 3, pageSize: 50, sort: "status" },
      { search: "horizonte" },
      { search: "  AURORA 1" },
      // Accented capitals match lower-case names as ILIKE matches them (the names are stored lower-cased).
      { search: "SERTÃO" },
      { search: "CRÉDITO HORIZONTE" },
      { search: "20.000.000/0" },
      { search: "00000000009" },
      { status: "ACTIVE", mode: "MANAGED", role: "PAGTO" },
      { planId: plans[0]?.id, sort: "status", direction: "desc", page: 2 },
      { search: "banco", status: "DRAFT", sort: "legalName", direction: "desc" },
    ];
    for (const shape of shapes) {
      const input = { sort: "legalName", direction: "asc", page: 1, pageSize: 25, ...shape } as const;
      const [got, want] = await Promise.all([admin.institutions.find(shape), reference(input)]);
      expect(got.total, JSON.stringify(shape)).toBe(want.total);
      expect(
        got.items.map((i) => [i.id, i._count, i.plan]),
        JSON.stringify(shape),
      ).toEqual(want.rows.map((r) => [r.id, r._count, r.plan]));
    }
  });

  it("returns the list's fields with their types", async () => {
    const { items } = await admin.institutions.find({ search: "Banco Aurora" });
    const aurora = items.find((i) => i.slug === "banco-aurora");
    expect(aurora).toMatchObject({ legalName: expect.stringContaining("Aurora"), status: expect.any(String), roles: expect.any(Array) });
    expect(aurora?.createdAt).toBeInstanceOf(Date);
    expect(aurora?._count.memberships).toBe(await services.db.membership.count({ where: { institution: { slug: "banco-aurora" } } }));
  });

  it("lists an institution whose roles were never set (NULL in the database) with no roles, not null", async () => {
    // An invited institution has not declared its roles yet; the console maps over them.
    await services.db.$executeRaw`UPDATE institution SET roles = NULL WHERE slug = 'fintech-sertao'`;
    const { items } = await admin.institutions.find({ search: "Sertão" });
    expect(items.find((i) => i.slug === "fintech-sertao")?.roles).toEqual([]);
  });

  it("searches for literal text: % and _ are not wildcards", async () => {
    expect((await admin.institutions.find({ search: "100%" })).items.map((i) => i.slug)).toEqual(["fleet-7"]);
    expect((await admin.institutions.find({ search: "l_7" })).items.map((i) => i.slug)).toEqual(["fleet-7"]);
    expect((await admin.institutions.find({ search: "%" })).items.map((i) => i.slug)).toEqual(["fleet-7"]);
    expect((await admin.institutions.find({ search: "_%" })).total).toBe(0);
  });

  it("plans no full read of a child table, on first, deep and search pages", async () => {
    const client = new pg.Client({ connectionString: services.databaseUrl });
    await client.connect();
    try {
      for (const shape of [{}, { page: 100 }, { search: "cooperativa", sort: "createdAt" }] satisfies FindInput[]) {
        statements = [];
        await admin.institutions.find(shape);
        expect(statements.length).toBe(1);
        for (const { sql, params } of statements) {
          const plan = await client.query(`EXPLAIN (FORMAT JSON) ${sql}`, JSON.parse(params));
          const scanned = seqScannedTables(plan.rows[0]["QUERY PLAN"]);
          expect(
            scanned.filter((t) => ["environment", "membership", "operation", "audit_event"].includes(t)),
            sql,
          ).toEqual([]);
        }
      }
    } finally {
      await client.end();
    }
  });
});

describe("institutions.find search", () => {
  it("is served by indexes (trigram on names, pattern b-tree on CNPJ), never by reading every institution", async () => {
    const client = new pg.Client({ connectionString: services.databaseUrl });
    await client.connect();
    try {
      // A few thousand rows are cheap to scan, so the planner may rightly scan them here; with scans
      // priced out it shows whether an index can serve the search at all (without one it still scans).
      await client.query("SET enable_seqscan = off");
      // Selective searches, as people type them: a name with its number, a CNPJ typed with punctuation.
      for (const search of ["1107 S.A.", "20.000.000/0970"]) {
        statements = [];
        expect((await admin.institutions.find({ search })).total, search).toBeGreaterThan(0);
        // One statement: the page and, in a subquery, the count of every match.
        const [list] = statements;
        if (!list || statements.length !== 1) throw new Error(`expected one list statement, got ${statements.length}`);
        const plan = await client.query(`EXPLAIN (FORMAT JSON) ${list.sql}`, JSON.parse(list.params));
        expect(seqScannedTables(plan.rows[0]["QUERY PLAN"]), search).not.toContain("institution");
      }
    } finally {
      await client.end();
    }
  });
});

function seqScannedTables(plan: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    const n = node as Record<string, unknown>;
    if (n["Node Type"] === "Seq Scan" && typeof n["Relation Name"] === "string") found.push(n["Relation Name"]);
    for (const value of Object.values(n)) if (typeof value === "object") walk(value);
  };
  walk(plan);
  return found;
}
