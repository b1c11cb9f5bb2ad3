// Turns an `Authorization: Bearer …` header into the key's scope, or a 401 that says why.
import type { Enums } from "@opus/db/client";
import type { SqlPool } from "@opus/db/sql-pool";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { PublicDomainContext, RequestOrigin } from "../domain-context.ts";
import { hashApiKey } from "./api-key-secret.ts";

export type ApiKeyScope = { apiKeyId: string; institutionId: string; environmentId: string | null };
/** The scope and what the key is for (the agent routes take only agent keys). */
export type AuthenticatedKey = ApiKeyScope & { purpose: Enums.ApiKeyPurpose };

/**
 * Last use is written at most once a minute per key, and that write is the key's audit event
 * (`api_key.used`): a busy reporter must not turn every batch into a row update and a trail entry.
 */
const LAST_USED_RESOLUTION_MS = 60_000;

type KeyRow = {
  id: string;
  institutionId: string;
  environmentId: string | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
  prefix: string;
  purpose: Enums.ApiKeyPurpose;
};

// On the plain pg pool and named (parsed and planned once per pooled connection): it runs on every
// machine request, where Prisma's client cost about 2 ms of CPU per lookup (docs/benchmarks.md, ingest).
// Read on every request, never cached, so a revoked key is refused from the next request on.
const KEY_BY_HASH = `SELECT id, "institutionId", "environmentId", "revokedAt", "lastUsedAt", prefix, purpose::text AS purpose
  FROM api_key WHERE "keyHash" = $1`;

export async function authenticateApiKey(
  ctx: Pick<PublicDomainContext, "db" | "clock"> & { sql: SqlPool } & RequestOrigin,
  header: string | undefined,
): Promise<AuthenticatedKey> {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  if (!match?.[1]) throw new AppError("UNAUTHENTICATED", "Send the API key as `Authorization: Bearer <key>`.");
  const { rows } = await ctx.sql.query<KeyRow>({ name: "api-key-by-hash", text: KEY_BY_HASH, values: [hashApiKey(match[1])] });
  const key = rows[0];
  if (!key) throw new AppError("UNAUTHENTICATED", "Unknown API key.");
  if (key.revokedAt) throw new AppError("UNAUTHENTICATED", "This API key was revoked.");
  const now = ctx.clock.now();
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    const source = { actor: null, ip: ctx.ip, userAgent: ctx.userAgent, requestId: ctx.requestId };
    await audited(source, ctx.db, async (tx) => {
      // Compare-and-set: of concurrent requests in the same minute, one moves lastUsedAt and records.
      const moved = await tx.apiKey.updateMany({
        where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_RESOLUTION_MS) } }] },
        data: { lastUsedAt: now },
      });
      const audit = moved.count
        ? ({
            action: "api_key.used",
            institutionId: key.institutionId,
            targetType: "api_key",
            targetId: key.id,
            data: { prefix: key.prefix, environmentId: key.environmentId },
          } as const)
        : null;
      return { result: null, audit };
    });
  }
  return { apiKeyId: key.id, institutionId: key.institutionId, environmentId: key.environmentId, purpose: key.purpose };
}
