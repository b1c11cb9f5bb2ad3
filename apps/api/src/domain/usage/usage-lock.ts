// Ingestion holds an institution's usage lock shared; finalizing a report and correcting an event hold
// it exclusively. So an event is either in the rollups a report is computed from, or arrives after
// the report exists and is booked as late: it can never fall between the two.
import { Prisma } from "@opus/db/client";

const USAGE_LOCK_CLASS = 727_100_002;

/** For the simple-query protocol: `quotedInstitutionId` must already be an escaped SQL literal. */
export function sharedUsageLockSql(quotedInstitutionId: string) {
  return `SELECT pg_advisory_xact_lock_shared(${USAGE_LOCK_CLASS}, hashtext(${quotedInstitutionId}))`;
}

export function exclusiveUsageLock(institutionId: string) {
  return Prisma.sql`SELECT pg_advisory_xact_lock(${USAGE_LOCK_CLASS}::int, hashtext(${institutionId}))`;
}
