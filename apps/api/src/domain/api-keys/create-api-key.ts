import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { newApiKey } from "./api-key-secret.ts";

export type CreateApiKeyInput = { institutionId: string; name: string; environmentId?: string | undefined };

/** Creates a usage-reporting key for one institution (optionally one of its environments). The key is returned once. */
export async function createApiKey(ctx: DomainContext, input: CreateApiKeyInput) {
  if (input.environmentId) {
    const environment = await ctx.db.environment.findFirst({
      where: { id: input.environmentId, institutionId: input.institutionId },
      select: { id: true },
    });
    if (!environment)
      throw new AppError("NOT_FOUND", "Environment not found.", { fields: { environmentId: "not an environment of this institution" } });
  }
  const { key, prefix, keyHash } = newApiKey();
  const created = await ctx.db.$transaction(async (tx) => {
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
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "api_key.created",
        institutionId: input.institutionId,
        targetType: "api_key",
        targetId: row.id,
        data: { name: input.name, prefix, environmentId: input.environmentId ?? null },
      }),
    });
    return row;
  });
  return { ...created, key };
}
