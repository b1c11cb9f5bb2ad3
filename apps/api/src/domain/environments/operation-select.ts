// What the console sees of an operation: no worker identity (host names are infrastructure
// detail), nothing beyond the non-secret outputs the engine returned.
import type { Prisma } from "@opus/db/client";

export const operationSelect = {
  id: true,
  environmentId: true,
  stackName: true,
  kind: true,
  status: true,
  attempt: true,
  maxAttempts: true,
  runAfter: true,
  cancelRequestedAt: true,
  error: true,
  summary: true,
  outputs: true,
  requestedById: true,
  startedAt: true,
  finishedAt: true,
  createdAt: true,
} satisfies Prisma.OperationSelect;

type Selected = Prisma.OperationGetPayload<{ select: typeof operationSelect }>;

/** Adds the run's duration, once it has one. */
export function withDuration(op: Selected) {
  const durationMs = op.startedAt && op.finishedAt ? op.finishedAt.getTime() - op.startedAt.getTime() : null;
  return { ...op, durationMs };
}

/** An operation of this institution, or NOT_FOUND: another tenant's ids are simply not found. */
export function scopedOperation(institutionId: string, operationId: string): Prisma.OperationWhereInput {
  return { id: operationId, environment: { institutionId } };
}
