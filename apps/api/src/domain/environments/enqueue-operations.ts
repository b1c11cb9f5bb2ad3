// Many keyed operations in one go, inside the caller's transaction: what enqueueOperation does for
// one, in four statements for the whole batch instead of four per operation (the rollout
// orchestrator launches a wave's free slots at once). The same rules decide: a key already used
// answers with its operation (or CONFLICT when it was used for a different one), the operation
// rules refuse per environment, and the database's unique indexes (one key, one running
// operation per stack) decide races, with ON CONFLICT DO NOTHING so no violation aborts the
// caller's transaction.
import type { Db, Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import {
  type EnqueueContext,
  type EnqueueOperationInput,
  operationFactsSelect,
  operationRow,
  refusalOf,
  sameRequest,
} from "./enqueue-operation.ts";

/** System work keys itself: every input carries its key; previews applied and person-keyed slots go through enqueueOperation. */
export type KeyedOperationInput = Pick<EnqueueOperationInput, "environmentId" | "kind" | "releaseVersion" | "maxAttempts"> & {
  idempotencyKey: string;
};

type Queued = { id: string; environmentId: string; kind: EnqueueOperationInput["kind"] };
/** Per input, in its order: the operation that holds its key, or why the operation rules refused it. */
export type EnqueueResult = { operation: Queued; created: boolean; refused?: never } | { refused: AppError; operation?: never };

export async function enqueueOperations(
  tx: Db | Prisma.TransactionClient,
  ctx: EnqueueContext,
  inputs: KeyedOperationInput[],
): Promise<EnqueueResult[]> {
  if (inputs.length === 0) return [];
  const keys = inputs.map((i) => i.idempotencyKey);
  if (new Set(keys).size !== keys.length) throw new AppError("CONFLICT", "One idempotency key was given twice in one batch.");
  const select = { id: true, environmentId: true, kind: true, idempotencyKey: true } as const;
  const existing = new Map(
    (await tx.operation.findMany({ where: { idempotencyKey: { in: keys } }, select })).map((o) => [o.idempotencyKey, o]),
  );

  const fresh = inputs.filter((i) => !existing.has(i.idempotencyKey));
  const facts = new Map(
    (await tx.environment.findMany({ where: { id: { in: fresh.map((i) => i.environmentId) } }, select: operationFactsSelect })).map((e) => [
      e.id,
      e,
    ]),
  );
  const refused = new Map<string, AppError>();
  const rows: (Prisma.OperationCreateManyInput & { id: string })[] = [];
  for (const input of fresh) {
    const environment = facts.get(input.environmentId);
    if (!environment) {
      refused.set(input.idempotencyKey, new AppError("NOT_FOUND", "Environment not found."));
      continue;
    }
    const refusal = refusalOf(input.kind, environment, ctx.now);
    if (refusal) refused.set(input.idempotencyKey, refusal);
    // Our own id, so the answer can tell our row from a concurrent caller's with the same key.
    else rows.push({ ...operationRow(ctx, input, environment, input.idempotencyKey), id: crypto.randomUUID() });
  }
  if (rows.length > 0) {
    await tx.operation.createMany({ data: rows, skipDuplicates: true });
    // Ours, or a concurrent caller's with the same key (PostgreSQL waited for it to commit).
    for (const o of await tx.operation.findMany({ where: { idempotencyKey: { in: rows.map((r) => r.idempotencyKey) } }, select }))
      existing.set(o.idempotencyKey, o);
  }
  const inserted = new Set(rows.map((r) => r.id));
  return inputs.map((input) => {
    const refusal = refused.get(input.idempotencyKey);
    if (refusal) return { refused: refusal };
    const operation = existing.get(input.idempotencyKey);
    // Through a tenant's scoped client another tenant's operation with this key is not visible.
    if (!operation) throw new AppError("CONFLICT", "This idempotency key was already used for a different operation.");
    sameRequest(operation, input);
    const { idempotencyKey: _, ...queued } = operation;
    return { operation: queued, created: inserted.has(operation.id) };
  });
}
