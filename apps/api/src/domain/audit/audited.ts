// Every mutation goes through `audited`: the change and exactly one audit event commit together, or
// neither does. A change that throws writes no event (the transaction rolls back). Effects of the
// change (operations it queued, the tenant status it moved) go into that one event's data rather
// than events of their own, so one person's action is one line in the trail.
import type { Db, Prisma } from "@opus/db/client";
import { type AuditInput, type AuditSource, recordAudit } from "./record-audit.ts";

export type Audited<T> = {
  result: T;
  /** The event to record; null when the call changed nothing (an idempotent repeat, a no-op). */
  audit: AuditInput | null;
};

export async function audited<T>(
  source: AuditSource,
  db: Db,
  change: (tx: Prisma.TransactionClient) => Promise<Audited<T>>,
  /** For the few long transactions (finalizing a month's report). */
  options?: { timeout?: number; maxWait?: number },
): Promise<T> {
  return db.$transaction(async (tx) => {
    const { result, audit } = await change(tx);
    if (audit) await recordAudit(tx, source, audit);
    return result;
  }, options);
}
