import type { Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { newApiKey } from "./api-key-secret.ts";

/**
 * USAGE_REPORTING (the default): reports usage, metrics and heartbeats. AGENT: a managed account's
 * outbound-only agent, bound to the institution (every environment of it); it claims and runs that
 * institution's operations. Rotate an agent's key by creating a second one, moving the agent onto
 * it, then revoking the first: both are valid in between.
 */
export type CreateApiKeyInput = {
  institutionId: string;
  name: string;
  environmentId?: string | undefined;
  purpose?: "USAGE_REPORTING" | "AGENT" | undefined;
};

/** Creates a usage-reporting key for one institution (optionally one of its environments). The key is returned once. */
export async function createApiKey(ctx: DomainContext, input: CreateApiKeyInput) {
  const { key, prefix, keyHash } = newApiKey();
  const created = await audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    // Scoped: another tenant's environment is not found, so no key can report for it.
    if (input.environmentId && !(await tx.environment.findUnique({ where: { id: input.environmentId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND", "Environment not found.", { fields: { environmentId: "not an environment of this institution" } });
    }
    const purpose = input.purpose ?? "USAGE_REPORTING";
    if (purpose === "AGENT") await assertAgentAccount(tx, input);
    const row = await tx.apiKey.create({
      data: {
        institutionId: input.institutionId,
        environmentId: input.environmentId ?? null,
        name: input.name,
        purpose,
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
        data: { name: input.name, prefix, environmentId: input.environmentId ?? null, purpose },
      },
    };
  });
  return { ...created, key };
}

/** An agent key is for the whole institution, and only where a managed account keeps its credentials with its agent. */
async function assertAgentAccount(tx: Pick<Prisma.TransactionClient, "managedAccount">, input: CreateApiKeyInput) {
  if (input.environmentId) {
    throw new AppError("BAD_INPUT", "An agent key is for the whole institution: it runs every environment of it.", {
      fields: { environmentId: "not allowed for an agent key" },
    });
  }
  const account = await tx.managedAccount.findUnique({
    where: { institutionId: input.institutionId },
    select: { credentialsSource: true },
  });
  if (account?.credentialsSource !== "AGENT") {
    throw new AppError("PRECONDITION_FAILED", "Only a managed account whose credentials stay with its agent can have an agent key.");
  }
}
