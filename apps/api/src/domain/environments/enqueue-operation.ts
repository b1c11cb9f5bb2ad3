// Puts an operation in the queue. A plain function over a transaction client, so callers enqueue
// in the same transaction as the decision that needs it; the institution approval flow calls:
//   await enqueueOperation(tx, { now: ctx.clock.now() },
//     { environmentId, kind: "UP", idempotencyKey: `approve:${environmentId}`, requestedById: ctx.actor.userId });
import type { Db, Enums, Prisma } from "@opus/db/client";
import { operationRefusal } from "@opus/rules/environment-operations";
import { AppError } from "../../errors/app-error.ts";
import { currentRequestId, currentTraceParent } from "../../observability/tracing.ts";

/**
 * Prefix of the keys the server gives requests that came without one. A partial unique index
 * (migration 20261201231000_operation_one_pending) allows one QUEUED or RUNNING operation per
 * stack and kind among them: the database, not a read before the write, decides who was first.
 */
export const ONE_PENDING_PREFIX = "pending:";

export type EnqueueOperationInput = {
  environmentId: string;
  kind: Enums.OperationKind;
  /** Same key, same operation: a repeated request returns the first one. */
  idempotencyKey?: string;
  /**
   * For a person's request that came without a key: while an operation of this kind is pending
   * (queued or running) on the stack, that operation is the answer (`created: false`), so a double
   * click or a retried request never queues a second run. Without either, every call is a new
   * operation (system work that keys itself when it needs to).
   */
  onePending?: boolean;
  maxAttempts?: number;
  requestedById?: string | null;
  /** UP only: the release to deploy (from the registry); without it the environment keeps its release. */
  releaseVersion?: string | null;
};

/**
 * The caller audits: a person's request records one event for everything it did (the approval
 * that queued deploys, the request itself); routine system work (the drift schedule) records none.
 */
export type EnqueueContext = { now: Date };

type Tx = Db | Prisma.TransactionClient;

export async function enqueueOperation(tx: Tx, ctx: EnqueueContext, input: EnqueueOperationInput) {
  const onePending = input.idempotencyKey === undefined && input.onePending === true;
  const idempotencyKey = onePending ? `${ONE_PENDING_PREFIX}${crypto.randomUUID()}` : (input.idempotencyKey ?? crypto.randomUUID());
  if (!onePending) {
    const existing = await tx.operation.findUnique({ where: { idempotencyKey } });
    if (existing) return sameRequest(existing, input);
  }

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
  const refusal = operationRefusal(input.kind, environment.institution, environment, ctx.now);
  if (refusal) throw new AppError(refusal.code, refusal.message);

  // ON CONFLICT DO NOTHING rather than catching a unique violation: a violation would abort the
  // caller's transaction, and concurrent requests with one key (or for one pending slot) must all
  // succeed. PostgreSQL waits for a concurrent insert of the same key to commit before deciding.
  const inserted = await tx.operation.createMany({
    data: {
      environmentId: environment.id,
      stackName: environment.stackName,
      kind: input.kind,
      idempotencyKey,
      maxAttempts: input.maxAttempts ?? 5,
      requestedById: input.requestedById ?? null,
      releaseVersion: input.releaseVersion ?? null,
      // The run continues this request's trace (the worker's spans and logs name it).
      requestId: currentRequestId(),
      traceParent: currentTraceParent(),
      runAfter: ctx.now,
      createdAt: ctx.now,
    },
    skipDuplicates: true,
  });
  if (inserted.count === 0) {
    if (!onePending) {
      // Through a tenant's scoped client another tenant's operation with this key is not visible.
      const existing = await tx.operation.findUnique({ where: { idempotencyKey } });
      if (!existing) throw new AppError("CONFLICT", "This idempotency key was already used for a different operation.");
      return sameRequest(existing, input);
    }
    const pending = await pendingOperation(tx, environment.stackName, input.kind);
    // It ended between our insert and this read: the slot is free again, so ask once more.
    if (!pending) return enqueueOperation(tx, ctx, input);
    return { operation: pending, created: false };
  }
  const operation = await tx.operation.findUniqueOrThrow({ where: { idempotencyKey } });
  return { operation, created: true };
}

/** The server-keyed operation of this kind that holds the stack's pending slot. */
function pendingOperation(tx: Tx, stackName: string, kind: Enums.OperationKind) {
  return tx.operation.findFirst({
    where: { stackName, kind, status: { in: ["QUEUED", "RUNNING"] }, idempotencyKey: { startsWith: ONE_PENDING_PREFIX } },
  });
}

/** A key reused for a different request is a caller bug, not a duplicate: say so. */
function sameRequest<T extends { environmentId: string; kind: Enums.OperationKind }>(operation: T, input: EnqueueOperationInput) {
  if (operation.environmentId !== input.environmentId || operation.kind !== input.kind) {
    throw new AppError("CONFLICT", "This idempotency key was already used for a different operation.");
  }
  return { operation, created: false };
}
