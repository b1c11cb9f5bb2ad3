import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { newApiKey } from "./api-key-secret.ts";

export type CreateApiKeyInput = { institutionId: string; name: string; environmentId?: string | undefined };

/** Creates a usage-reporting key for one institution (optionally one of its environments). The key is returned once. */
export async function createApiKey(ctx: DomainContext, input: CreateApiKeyInput) {
  const { key, prefix, keyHash } = newApiKey();
  const created = await audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    // Scoped: another tenant's environment is not found, so no key can report for it.
    if (input.environmentId && !(await tx.environment.findUnique({ where: { id: input.environmentId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "Environment not found.", { fields: { environmentId: "not an environment of this institution" } });
    }
    const row = await tx.apiKey.create({
      data: {
        institutionId: input.institutionId,
        environmentId: input.environmentId ?? null,
        name: input.name,
        purpose: "USAGE_REPORTING",
        origin: "CONSOLE",
        prefix,
        keyHash,
        createdById: ctx.actor.userId,
      },
      select: { id: true, name: true, prefix: true, environmentId: true, createdAt: true },
    });
    return {
      result: row,
      audit: {
        action: "api_key.created",
        institutionId: input.institutionId,
        targetType: "api_key",
        targetId: row.id,
        data: { name: input.name, prefix, environmentId: input.environmentId ?? null },
      },
    };
  });
  return { ...created, key };
}
