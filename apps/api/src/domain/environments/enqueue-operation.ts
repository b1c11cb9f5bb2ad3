// Puts an operation in the queue. A plain function over a transaction client, so callers enqueue
// in the same transaction as the decision that needs it; the institution approval flow calls:
//   await enqueueOperation(tx, { now: ctx.clock.now() },
//     { environmentId, kind: "UP", idempotencyKey: `approve:${environmentId}`, requestedById: ctx.actor.userId });
import { type Db, type Enums, Prisma } from "@opus/db/client";
import { operationRefusal } from "@opus/rules/environment-operations";
import { AppError } from "../../errors/app-error.ts";
import { currentRequestId, currentTraceParent } from "../../observability/tracing.ts";
import { PREVIEW_AGAIN, specInputsHashSql } from "./spec-fingerprint.ts";

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
  /**
   * A deploy that applies this reviewed preview: it is queued only if the preview succeeded on
   * this environment and the records its spec is built from are unchanged since it ran, checked in
   * the statement that inserts the deploy (see insertAppliedPreview).
   */
  previewOperationId?: string;
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

  const environment = await tx.environment.findUnique({ where: { id: input.environmentId }, select: operationFactsSelect });
  if (!environment) throw new AppError("NOT_FOUND", "Environment not found.");
  const refusal = refusalOf(input.kind, environment, ctx.now);
  if (refusal) throw refusal;

  if (input.previewOperationId !== undefined) {
    const count = await insertAppliedPreview(
      tx,
      ctx,
      { ...input, previewOperationId: input.previewOperationId },
      environment,
      idempotencyKey,
    );
    if (count === 0) {
      const existing = await tx.operation.findUnique({ where: { idempotencyKey } });
      if (existing) return sameRequest(existing, input);
      throw new AppError(
        "PRECONDITION_FAILED",
        `The tenant's settings or release changed since this preview ran, so it no longer shows what a deploy would do. ${PREVIEW_AGAIN}`,
        { reason: { code: "PREVIEW_OUTDATED" } },
      );
    }
    return { operation: await tx.operation.findUniqueOrThrow({ where: { idempotencyKey } }), created: true };
  }

  // ON CONFLICT DO NOTHING rather than catching a unique violation: a violation would abort the
  // caller's transaction, and concurrent requests with one key (or for one pending slot) must all
  // succeed. PostgreSQL waits for a concurrent insert of the same key to commit before deciding.
  const inserted = await tx.operation.createMany({ data: operationRow(ctx, input, environment, idempotencyKey), skipDuplicates: true });
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

/**
 * Compare-and-set on what the preview ran with: the row is inserted only if, at this instant, the
 * preview is a succeeded preview of this environment whose recorded input fingerprint equals the
 * fingerprint of the current records. The deploy takes the preview's release (a previewed upgrade
 * deploys that release). 0 rows: the key was taken, or the preview is outdated.
 */
function insertAppliedPreview(
  tx: Tx,
  ctx: EnqueueContext,
  input: EnqueueOperationInput & { previewOperationId: string },
  environment: { id: string; stackName: string },
  idempotencyKey: string,
): Promise<number> {
  const now = Prisma.sql`${ctx.now.toISOString()}::timestamp(3)`;
  return tx.$executeRaw`
    INSERT INTO operation (id, "environmentId", "stackName", kind, "idempotencyKey", "maxAttempts", "requestedById",
                           "requestId", "traceParent", "runAfter", "createdAt", "previewOperationId", "releaseVersion")
    SELECT ${crypto.randomUUID()}, ${environment.id}, ${environment.stackName}, 'UP'::"OperationKind", ${idempotencyKey},
           ${input.maxAttempts ?? 5}, ${input.requestedById ?? null}, ${currentRequestId()}, ${currentTraceParent()},
           ${now}, ${now}, p.id, p."releaseVersion"
    FROM operation p
    WHERE p.id = ${input.previewOperationId}
      AND p."environmentId" = ${environment.id}
      AND p.kind = 'PREVIEW' AND p.status = 'SUCCEEDED'
      AND p."specInputsHash" = ${specInputsHashSql(environment.id)}
    ON CONFLICT DO NOTHING`;
}

/** What the operation rules read of an environment and its tenant (one place for both enqueues). */
export const operationFactsSelect = {
  id: true,
  kind: true,
  status: true,
  stackName: true,
  institution: { select: { id: true, slug: true, status: true, deploymentMode: true, retentionUntil: true } },
} as const satisfies Prisma.EnvironmentSelect;
type OperationFacts = Prisma.EnvironmentGetPayload<{ select: typeof operationFactsSelect }>;

/** The operation rules' refusal of this kind on this environment, as the error the caller throws or records. */
export function refusalOf(kind: Enums.OperationKind, environment: OperationFacts, now: Date): AppError | null {
  const refusal = operationRefusal(kind, environment.institution, environment, now);
  return refusal ? new AppError(refusal.code, refusal.message) : null;
}

/** The queued row, as both enqueues insert it. */
export function operationRow(
  ctx: EnqueueContext,
  input: EnqueueOperationInput,
  environment: { id: string; stackName: string },
  idempotencyKey: string,
): Prisma.OperationCreateManyInput {
  return {
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
  };
}

/** The server-keyed operation of this kind that holds the stack's pending slot. */
function pendingOperation(tx: Tx, stackName: string, kind: Enums.OperationKind) {
  return tx.operation.findFirst({
    where: { stackName, kind, status: { in: ["QUEUED", "RUNNING"] }, idempotencyKey: { startsWith: ONE_PENDING_PREFIX } },
  });
}

/** A key reused for a different request is a caller bug, not a duplicate: say so. */
export function sameRequest<T extends { environmentId: string; kind: Enums.OperationKind }>(operation: T, input: EnqueueOperationInput) {
  if (operation.environmentId !== input.environmentId || operation.kind !== input.kind) {
    throw new AppError("CONFLICT", "This idempotency key was already used for a different operation.");
  }
  return { operation, created: false };
}
