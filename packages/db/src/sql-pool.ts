import pg from "pg";

export type SqlPool = pg.Pool;

/**
 * A plain pg pool beside the Prisma client, for the few hot paths that are one large SQL statement
 * (usage ingestion): no query-engine translation, and a transaction costs no extra round trips.
 */
export function createSqlPool(databaseUrl: string, options: { poolSize?: number; onIdleError?: (error: Error) => void } = {}): SqlPool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // An idle client whose server goes away (a restart, a failover, pg_terminate_backend) emits
  // "error" on the pool; unhandled, that would crash the process. The pool drops the client and the
  // next query connects anew, so the error is only worth reporting.
  pool.on("error", (error) => options.onIdleError?.(error));
  return pool;
}
