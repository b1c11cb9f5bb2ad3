import type { DomainContext } from "../domain-context.ts";

/** An institution's keys, newest first. Never the hash: only what tells keys apart. */
export function listApiKeys(ctx: DomainContext, input: { institutionId: string }) {
  return ctx.db.apiKey.findMany({
    where: { institutionId: input.institutionId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      origin: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      environment: { select: { id: true, kind: true } },
    },
  });
}
