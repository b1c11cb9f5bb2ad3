// Every decision on a tenant's status is a compare-and-set: the row changes only if it still has
// the status the caller read, so of many concurrent identical (or opposite) decisions exactly one
// wins and the others are told, instead of each writing its own outcome and its own audit event.
import type { Prisma } from "@opus/db/client";
import type { InstitutionStatus } from "@opus/rules/enums";
import type { InstitutionEvent } from "@opus/rules/institution-lifecycle";
import { AppError } from "../../errors/app-error.ts";
import { transition } from "./lifecycle.ts";

export const INSTITUTION_CHANGED_MESSAGE =
  "Someone else changed this institution at the same moment, so your change was not applied. Reload it to see where it stands.";

/**
 * Applies `event` to an institution read with status `from`: `UPDATE … WHERE id = ? AND status = from`.
 * Throws INVALID_TRANSITION if the state machine refuses the event, CONFLICT if the status moved meanwhile.
 * Call it before the transaction's other writes: the row lock it takes orders concurrent callers.
 */
export async function moveInstitution(
  tx: Prisma.TransactionClient,
  institution: { id: string; status: InstitutionStatus },
  event: InstitutionEvent,
  data: Omit<Prisma.InstitutionUpdateManyMutationInput, "status"> = {},
): Promise<InstitutionStatus> {
  const status = transition(institution.status, event);
  const { count } = await tx.institution.updateMany({
    where: { id: institution.id, status: institution.status },
    data: { ...data, status },
  });
  if (count !== 1) throw new AppError("CONFLICT", INSTITUTION_CHANGED_MESSAGE);
  return status;
}

/**
 * Locks an institution's row for the rest of the transaction (FOR NO KEY UPDATE: inserts that
 * reference it still proceed), for rules spanning several rows, such as "keeps an admin" or "one
 * pending request per action", that no single conditional update can express. Reads after it see
 * every change committed before the lock was granted.
 */
export async function lockInstitution(tx: Prisma.TransactionClient, institutionId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "institution" WHERE "id" = ${institutionId} FOR NO KEY UPDATE`;
  return rows.length === 1;
}
