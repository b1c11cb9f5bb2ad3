// Turns an `Authorization: Bearer …` header into the key's scope, or a 401 that says why.
import { AppError } from "../../errors/app-error.ts";
import type { PublicDomainContext } from "../domain-context.ts";
import { hashApiKey } from "./api-key-secret.ts";

export type ApiKeyScope = { apiKeyId: string; institutionId: string; environmentId: string | null };

/** Last use is written at most once a minute per key: a busy reporter must not turn every batch into a row update. */
const LAST_USED_RESOLUTION_MS = 60_000;

export async function authenticateApiKey(ctx: Pick<PublicDomainContext, "db" | "clock">, header: string | undefined): Promise<ApiKeyScope> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "Send the API key as `Authorization: Bearer <key>`.");
  const key = await ctx.db.apiKey.findUnique({
    where: { keyHash: hashApiKey(match[1]) },
    select: { id: true, institutionId: true, environmentId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!key) throw new AppError("UNAUTHENTICATED", "Unknown API key.");
  if (key.revokedAt) throw new AppError("UNAUTHENTICATED", "This API key was revoked.");
  const now = ctx.clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await ctx.db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  return { apiKeyId: key.id, institutionId: key.institutionId, environmentId: key.environmentId };
}
