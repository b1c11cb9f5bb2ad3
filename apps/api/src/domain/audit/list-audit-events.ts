import type { Prisma } from "@opus/db/client";
import type { DomainContext } from "../domain-context.ts";

export type ListAuditEventsInput = { institutionId?: string; cursor?: string; limit: number };

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
  institution: { select: { legalName: true } },
} satisfies Prisma.AuditEventSelect;

/** Newest first, keyset-paginated by id so pages stay stable while events keep arriving. */
export async function listAuditEvents(ctx: DomainContext, input: ListAuditEventsInput) {
  const rows = await ctx.db.auditEvent.findMany({
    where: input.institutionId ? { institutionId: input.institutionId } : {},
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: auditSelect,
  });
  const hasMore = rows.length > input.limit;
  const items = hasMore ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null };
}
