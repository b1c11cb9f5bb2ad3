// Ingestion holds an institution's usage lock shared; finalizing a report and correcting an event hold
// it exclusively. So an event is either in the rollups a report is computed from, or arrives after
// the report exists and is booked as late: it can never fall between the two.
import { Prisma } from "@opus/db/client";

// The shared lock is taken inside `usage_ingest_batch` (migrations 20261204180000, 20261204200000), with this class
// written there as a literal; usage-events-api.test.ts proves an exclusive holder blocks ingestion.
const USAGE_LOCK_CLASS = 727_100_002;

export function exclusiveUsageLock(institutionId: string) {
  return Prisma.sql`SELECT pg_advisory_xact_lock(${USAGE_LOCK_CLASS}::int, hashtext(${institutionId}))`;
}
