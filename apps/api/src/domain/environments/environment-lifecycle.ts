// Every environment status write goes through here: the move is checked against the state machine
// (`@opus/rules/environment-lifecycle`, shared with the console) and written compare-and-set
// (`WHERE status = <from>`), so an illegal move is refused and a concurrent change is detected
// instead of overwritten. Both are logged and thrown: nobody's change disappears silently.
import type { Prisma } from "@opus/db/client";
import { type EnvironmentStatus, environmentTransitionRefusal } from "@opus/rules/environment-lifecycle";
import { AppError } from "../../errors/app-error.ts";
import type { Logger } from "../../logger.ts";

type Tx = Prisma.TransactionClient;

/** Returns `to` when the move is allowed; throws AppError INVALID_TRANSITION otherwise. */
export function transitionEnvironment(from: EnvironmentStatus, to: EnvironmentStatus): EnvironmentStatus {
  const refusal = environmentTransitionRefusal(from, to);
  if (refusal) throw new AppError("INVALID_TRANSITION", refusal);
  return to;
}

export type EnvironmentMove = { id: string; from: EnvironmentStatus; to: EnvironmentStatus };

/**
 * Moves one environment from `from` to `to`, with any other columns the same change sets. Throws
 * INVALID_TRANSITION for a move the machine forbids and CONFLICT when the environment is no
 * longer `from` (someone else moved it since it was read).
 */
export async function moveEnvironment(
  tx: Tx,
  log: Logger,
  move: EnvironmentMove,
  data: Omit<Prisma.EnvironmentUpdateManyMutationInput, "status"> = {},
): Promise<void> {
  checked(log, move);
  const written = await tx.environment.updateMany({ where: { id: move.id, status: move.from }, data: { ...data, status: move.to } });
  if (written.count !== 1) throw concurrentChange(log, [move.id], move);
}

/**
 * Moves every environment of a tenant that is in `from` to `to` (suspending, resuming, closing
 * never-provisioned ones). Reads the set, then writes it compare-and-set: if any of them changed in
 * between, the whole move is refused (the caller's transaction rolls back).
 */
export async function moveTenantEnvironments(
  tx: Tx,
  log: Logger,
  move: { institutionId: string; from: EnvironmentStatus; to: EnvironmentStatus },
): Promise<string[]> {
  checked(log, { id: `institution ${move.institutionId}`, ...move });
  const rows = await tx.environment.findMany({ where: { institutionId: move.institutionId, status: move.from }, select: { id: true } });
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return ids;
  const written = await tx.environment.updateMany({ where: { id: { in: ids }, status: move.from }, data: { status: move.to } });
  if (written.count !== ids.length) throw concurrentChange(log, ids, move);
  return ids;
}

function checked(log: Logger, move: EnvironmentMove) {
  try {
    transitionEnvironment(move.from, move.to);
  } catch (error) {
    log.error({ environment: move.id, from: move.from, to: move.to }, "refused an illegal environment transition");
    throw error;
  }
}

function concurrentChange(log: Logger, ids: string[], move: Omit<EnvironmentMove, "id">) {
  log.warn({ environments: ids, from: move.from, to: move.to }, "environment status changed concurrently; move refused");
  return new AppError("CONFLICT", `The environment is no longer ${move.from.toLowerCase()}: it changed meanwhile. Reload and try again.`);
}
