import type { DomainContext } from "../domain-context.ts";

export async function listMembers(ctx: DomainContext, input: { institutionId: string }) {
  const [members, invitations] = await Promise.all([
    ctx.db.membership.findMany({
      where: { institutionId: input.institutionId },
      orderBy: { createdAt: "asc" },
      select: { id: true, role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
    }),
    ctx.db.invitation.findMany({
      where: { institutionId: input.institutionId, acceptedAt: null, revokedAt: null, expiresAt: { gt: ctx.clock.now() } },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true },
    }),
  ]);
  return { members, invitations };
}
