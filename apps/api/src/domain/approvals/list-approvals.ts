import type { ApprovalFilter } from "@opus/rules/enums";
import type { DomainContext } from "../domain-context.ts";

/** The four-eyes inbox: pending requests first (oldest first), then the latest decisions. */
export async function listApprovals(ctx: DomainContext, input: { status: ApprovalFilter }) {
  const rows = await ctx.db.approvalRequest.findMany({
    where: input.status === "PENDING" ? { status: "PENDING" } : { status: { not: "PENDING" } },
    orderBy: { createdAt: input.status === "PENDING" ? "asc" : "desc" },
    take: 100,
    select: {
      id: true,
      action: true,
      payload: true,
      reason: true,
      status: true,
      requestedById: true,
      decidedById: true,
      decidedAt: true,
      decisionNote: true,
      createdAt: true,
      institution: { select: { id: true, legalName: true, status: true } },
    },
  });
  const people = await ctx.db.user.findMany({
    where: { id: { in: rows.flatMap((r) => [r.requestedById, r.decidedById].filter((id): id is string => Boolean(id))) } },
    select: { id: true, email: true },
  });
  const email = new Map(people.map((p) => [p.id, p.email]));
  return rows.map((r) => ({
    ...r,
    requestedBy: email.get(r.requestedById) ?? null,
    decidedBy: r.decidedById ? (email.get(r.decidedById) ?? null) : null,
    mine: r.requestedById === ctx.actor.userId,
  }));
}
