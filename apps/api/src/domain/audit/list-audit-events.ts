import type { Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

type Page = { cursor?: string | undefined; limit: number };

const auditSelect = {
  id: true,
  action: true,
  actorEmail: true,
  institutionId: true,
  targetType: true,
  targetId: true,
  data: true,
  ip: true,
  createdAt: true,
  seq: true,
  hash: true,
} satisfies Prisma.AuditEventSelect;

/** One institution's trail. The cursor is an event id: one of another tenant's is not found. */
export async function listInstitutionAuditEvents(ctx: DomainContext, input: Page & { institutionId: string }) {
  return page(scopedDb(ctx, input.institutionId), input);
}

/** The whole platform's trail, including staff actions on no institution (Opus admins only). */
export async function listAllAuditEvents(ctx: DomainContext, input: Page) {
  return page(ctx.db, input);
}

/** Newest first (by chain position), keyset-paginated by id so pages stay stable while events keep arriving. */
async function page(db: DomainContext["db"], input: Page) {
  // Prisma positions a cursor by its row whatever the filter, so the cursor is looked up in scope first.
  if (input.cursor && !(await db.auditEvent.findUnique({ where: { id: input.cursor }, select: { id: true } }))) {
    throw new AppError("NOT_FOUND", "Audit event not found.");
  }
  const rows = await db.auditEvent.findMany({
    orderBy: { seq: "desc" },
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: auditSelect,
  });
  const hasMore = rows.length > input.limit;
  const page = hasMore ? rows.slice(0, input.limit) : rows;
  // No relation to the institution (a deleted one keeps its trail): names are looked up, and an
  // event of a deleted institution shows its id alone.
  const ids = [...new Set(page.flatMap((e) => (e.institutionId ? [e.institutionId] : [])))];
  const names = new Map(
    (await db.institution.findMany({ where: { id: { in: ids } }, select: { id: true, legalName: true } })).map((i) => [i.id, i]),
  );
  const items = page.map(({ seq, ...event }) => ({
    ...event,
    seq: seq.toString(),
    institution: event.institutionId ? (names.get(event.institutionId) ?? null) : null,
  }));
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
