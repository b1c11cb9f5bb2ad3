import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

/** Revokes a key at once; compare-and-set, so two revocations record one event. */
export async function revokeApiKey(ctx: DomainContext, input: { institutionId: string; apiKeyId: string }) {
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    const { count } = await tx.apiKey.updateMany({
      where: { id: input.apiKeyId, revokedAt: null },
      data: { revokedAt: ctx.clock.now(), revokedById: ctx.actor.userId },
    });
    if (count === 0) {
      const exists = await tx.apiKey.findUnique({ where: { id: input.apiKeyId }, select: { id: true } });
      if (!exists) throw new AppError("NOT_FOUND", "API key not found.");
      throw new AppError("INVALID_TRANSITION", "This key is already revoked.");
    }
    return {
      result: { id: input.apiKeyId, revoked: true },
      audit: { action: "api_key.revoked", institutionId: input.institutionId, targetType: "api_key", targetId: input.apiKeyId },
    };
  });
}
