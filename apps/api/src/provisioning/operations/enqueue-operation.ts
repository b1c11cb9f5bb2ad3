// Puts an operation in the queue. A plain function over a transaction client, so callers enqueue
// in the same transaction as the decision that needs it; the institution approval flow calls:
//   await enqueueOperation(tx, { now: ctx.clock.now() },
//     { environmentId, kind: "UP", idempotencyKey: `approve:${environmentId}`, requestedById: ctx.actor.userId });
import type { Db, Enums, Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import { refusalFor } from "./operation-rules.ts";

export type EnqueueOperationInput = {
  environmentId: string;
  kind: Enums.OperationKind;
  /** Same key, same operation: a repeated request returns the first one. Random when absent. */
  idempotencyKey?: string;
  maxAttempts?: number;
  requestedById?: string | null;
};

/**
 * The caller audits: a person's request records one event for everything it did (the approval
 * that queued deploys, the request itself); routine system work (the drift schedule) records none.
 */
export type EnqueueContext = { now: Date };

export async function enqueueOperation(tx: Db | Prisma.TransactionClient, ctx: EnqueueContext, input: EnqueueOperationInput) {
  const idempotencyKey = input.idempotencyKey ?? crypto.randomUUID();
  const existing = await tx.operation.findUnique({ where: { idempotencyKey } });
  if (existing) return sameRequest(existing, input);

  const environment = await tx.environment.findUnique({
    where: { id: input.environmentId },
    select: {
      id: true,
      kind: true,
      status: true,
      stackName: true,
      institution: { select: { id: true, slug: true, status: true, deploymentMode: true, retentionUntil: true } },
    },
  });
  if (!environment) throw new AppError("NOT_FOUND", "Environment not found.");
  const refusal = refusalFor(input.kind, environment.institution, environment, ctx.now);
  if (refusal) throw new AppError(refusal.code, refusal.message);

  // ON CONFLICT DO NOTHING rather than catching a unique violation: a violation would abort the
  // caller's transaction, and two concurrent requests with one key must both succeed.
  const inserted = await tx.operation.createMany({
    data: {
      environmentId: environment.id,
      stackName: environment.stackName,
      kind: input.kind,
      idempotencyKey,
      maxAttempts: input.maxAttempts ?? 5,
      requestedById: input.requestedById ?? null,
      runAfter: ctx.now,
      createdAt: ctx.now,
    },
    skipDuplicates: true,
  });
  // Through a tenant's scoped client another tenant's operation with this key is not visible.
  const operation = await tx.operation.findUnique({ where: { idempotencyKey } });
  if (!operation) throw new AppError("CONFLICT", "This idempotency key was already used for a different operation.");
  if (inserted.count === 0) return sameRequest(operation, input);

  return { operation, created: true };
}

/** A key reused for a different request is a caller bug, not a duplicate: say so. */
function sameRequest<T extends { environmentId: string; kind: Enums.OperationKind }>(operation: T, input: EnqueueOperationInput) {
  if (operation.environmentId !== input.environmentId || operation.kind !== input.kind) {
    throw new AppError("CONFLICT", "This idempotency key was already used for a different operation.");
  }
  return { operation, created: false };
}
