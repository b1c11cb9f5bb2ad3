import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";

/** Revokes a key at once; compare-and-set, so two revocations record one event. */
export async function revokeApiKey(ctx: DomainContext, input: { institutionId: string; apiKeyId: string }) {
  return ctx.db.$transaction(async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: input.apiKeyId, institutionId: input.institutionId, revokedAt: null },
      data: { revokedAt: ctx.clock.now(), revokedById: ctx.actor.userId },
    });
    if (count === 0) {
      const exists = await tx.apiKey.findFirst({ where: { id: input.apiKeyId, institutionId: input.institutionId }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "API key not found.");
      throw new AppError("INVALID_TRANSITION", "This key is already revoked.");
    }
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "api_key.revoked",
        institutionId: input.institutionId,
        targetType: "api_key",
        targetId: input.apiKeyId,
      }),
    });
    return { id: input.apiKeyId, revoked: true };
  });
}
