// What the console sees of an operation: no worker identity (host names are infrastructure
// detail), nothing beyond the non-secret outputs the engine returned, and the engine's own error
// text only for Opus staff.
import type { Prisma } from "@opus/db/client";
import type { Actor } from "../../authz/actor.ts";

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

/**
 * A run as the person asking may see it, with its duration once it has one. The engine's error
 * text (verbatim, with infrastructure detail and what to install) is for Opus staff, who act on
 * it; a customer gets `failureHidden` instead and the console words the failure plainly.
 */
export function presentOperation(actor: Actor, op: Selected) {
  const durationMs = op.startedAt && op.finishedAt ? op.finishedAt.getTime() - op.startedAt.getTime() : null;
  return { ...op, ...presentFailure(actor, op.error), durationMs };
}

/** The engine's error for Opus staff; for anyone else only the fact that details are withheld. */
export function presentFailure(actor: Actor, error: string | null): { error: string | null; failureHidden: boolean } {
  const staff = actor.staffRole !== null;
  return { error: staff ? error : null, failureHidden: !staff && error !== null };
}

/** Where a customer reads the run's log, the engine's error text is replaced wherever it appears. */
export function presentLogLine(actor: Actor, line: string, error: string | null): string {
  if (actor.staffRole !== null || !error) return line;
  return line.replaceAll(error, ENGINE_DETAIL_WITHHELD);
}

/** Fixed English, like the log's other lines (the log is the engine's, never translated). */
export const ENGINE_DETAIL_WITHHELD = "[error details are shown to Opus staff]";
