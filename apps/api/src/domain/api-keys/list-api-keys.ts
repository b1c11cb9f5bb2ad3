import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

/** An institution's keys, newest first. Never the hash: only what tells keys apart. */
export function listApiKeys(ctx: DomainContext, input: { institutionId: string }) {
  return scopedDb(ctx, input.institutionId).apiKey.findMany({
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      prefix: true,
      origin: true,
      purpose: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      environment: { select: { id: true, kind: true } },
    },
  });
}
