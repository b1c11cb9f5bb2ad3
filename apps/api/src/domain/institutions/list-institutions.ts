// The Opus institutions list: server-side search, filters, sort and offset pagination.
// Raw SQL on the plain pg pool (the project's style for list pages, see docs/architecture.md):
// Prisma's `_count` select joins a GROUP BY over the whole environment and membership tables,
// while per-row subqueries here count only the 25 rows of the page, through their indexes; and a
// list is read on every visit, so it pays no ORM translation and is one statement (one round trip).
import { type Enums, Prisma } from "@opus/db/client";
import { setupFailed } from "@opus/rules/institution-lifecycle";
import type { DomainContext } from "../domain-context.ts";

export type ListInstitutionsInput = {
  search?: string | undefined;
  status?: Enums.InstitutionStatus | undefined;
  mode?: Enums.DeploymentMode | undefined;
  planId?: string | undefined;
  role?: Enums.RegulatoryRole | undefined;
  sort: "legalName" | "createdAt" | "status";
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
};

export type InstitutionListItem = {
  id: string;
  slug: string;
  legalName: string;
  tradeName: string | null;
  cnpj: string | null;
  status: Enums.InstitutionStatus;
  deploymentMode: Enums.DeploymentMode | null;
  roles: Enums.RegulatoryRole[];
  createdAt: Date;
  plan: { id: string; name: string } | null;
  _count: { environments: number; memberships: number };
  /** Approved, and every environment's first deploy failed (see setupFailed). */
  setupFailed: boolean;
};

type Row = Omit<InstitutionListItem, "plan" | "_count" | "setupFailed"> & {
  total: number;
  environmentStatuses: Enums.EnvironmentStatus[];
  planId: string | null;
  planName: string | null;
  environments: number;
  memberships: number;
};

const SORT_COLUMNS = { legalName: Prisma.raw(`i."legalName"`), createdAt: Prisma.raw(`i."createdAt"`), status: Prisma.raw("i.status") };

/** LIKE treats %, _ and \ as wildcards and escapes: a search is literal text. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function whereOf(input: ListInstitutionsInput): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (input.status) conditions.push(Prisma.sql`i.status = ${input.status}::"InstitutionStatus"`);
  if (input.mode) conditions.push(Prisma.sql`i."deploymentMode" = ${input.mode}::"DeploymentMode"`);
  if (input.planId) conditions.push(Prisma.sql`i."planId" = ${input.planId}`);
  if (input.role) conditions.push(Prisma.sql`${input.role}::"RegulatoryRole" = ANY (i.roles)`);
  const search = input.search?.trim();
  if (search) {
    // Names match anywhere, case-insensitively: the pattern lower-cased against the names stored
    // lower-cased (generated columns with trigram indexes, migration institution_search_lowercase),
    // which is ILIKE without lower-casing every candidate row. A CNPJ matches by prefix, typed with
    // or without its punctuation.
    const contains = `%${likeLiteral(search)}%`;
    const digits = search.replace(/[./\-\s]/g, "").toUpperCase();
    conditions.push(
      Prisma.sql`(i."legalNameLower" LIKE lower(${contains}) OR i."tradeNameLower" LIKE lower(${contains})${
        digits ? Prisma.sql` OR i.cnpj LIKE ${`${likeLiteral(digits)}%`}` : Prisma.empty
      })`,
    );
  }
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, " AND ")}` : Prisma.empty;
}

export async function listInstitutions(ctx: DomainContext, input: ListInstitutionsInput) {
  const where = whereOf(input);
  const direction = Prisma.raw(input.direction === "desc" ? "DESC" : "ASC");
  const orderBy = Prisma.sql`${SORT_COLUMNS[input.sort]} ${direction}, i.id ASC`;
  const limits = Prisma.sql`LIMIT ${input.pageSize} OFFSET ${(input.page - 1) * input.pageSize}`;
  // One statement, no transaction: a list may be a moment stale, never wrong for a tenant. The
  // page's ids are chosen first, so the child counts run for the page's rows only (a deep OFFSET
  // would otherwise compute them for every skipped row too).
  // Without a search, the page walks the sort's index and the total is an uncorrelated subquery.
  // With one, the matches are found once through the trigram indexes and both the page (sorting
  // the few matches) and the total come from them: walking the name index and testing every name
  // against the pattern cost a selective search 10–17× the first page (docs/benchmarks.md).
  const pageAndTotal = input.search?.trim()
    ? Prisma.sql`
      WITH matches AS MATERIALIZED (SELECT i.id, i."legalName", i."createdAt", i.status FROM institution i ${where}),
           page AS (SELECT i.id FROM matches i ORDER BY ${orderBy} ${limits})
      SELECT (SELECT count(*)::int FROM matches) AS total,`
    : Prisma.sql`
      WITH page AS (SELECT i.id FROM institution i ${where} ORDER BY ${orderBy} ${limits})
      SELECT (SELECT count(*)::int FROM institution i ${where}) AS total,`;
  const query = Prisma.sql`${pageAndTotal}
           i.id, i.slug, i."legalName", i."tradeName", i.cnpj, i.status::text AS status,
           i."deploymentMode"::text AS "deploymentMode", COALESCE(i.roles::text[], ARRAY[]::text[]) AS roles, i."createdAt",
           p.id AS "planId", p.name AS "planName",
           (SELECT count(*)::int FROM environment e WHERE e."institutionId" = i.id) AS environments,
           ARRAY(SELECT e.status::text FROM environment e WHERE e."institutionId" = i.id) AS "environmentStatuses",
           (SELECT count(*)::int FROM membership m WHERE m."institutionId" = i.id) AS memberships
    FROM page JOIN institution i ON i.id = page.id LEFT JOIN plan p ON p.id = i."planId"
    ORDER BY ${orderBy}`;
  const { rows } = await ctx.sql.query<Row>(query.text, query.values);
  const items = rows.map(
    (row): InstitutionListItem => ({
      id: row.id,
      slug: row.slug,
      legalName: row.legalName,
      tradeName: row.tradeName,
      cnpj: row.cnpj,
      status: row.status,
      deploymentMode: row.deploymentMode,
      roles: row.roles,
      createdAt: row.createdAt,
      plan: row.planId && row.planName !== null ? { id: row.planId, name: row.planName } : null,
      _count: { environments: row.environments, memberships: row.memberships },
      setupFailed: setupFailed(
        row.status,
        row.environmentStatuses.map((status) => ({ status })),
      ),
    }),
  );
  // A page past the end has no row to carry the total: only then is it counted on its own.
  const total = rows[0]?.total ?? (input.page === 1 ? 0 : await countMatching(ctx, where));
  return { items, total, page: input.page, pageSize: input.pageSize };
}

async function countMatching(ctx: DomainContext, where: Prisma.Sql): Promise<number> {
  const query = Prisma.sql`SELECT count(*)::int AS total FROM institution i ${where}`;
  const { rows } = await ctx.sql.query<{ total: number }>(query.text, query.values);
  return rows[0]?.total ?? 0;
}
