import pg from "pg";

export type SqlPool = pg.Pool;

/**
 * A plain pg pool beside the Prisma client, for the few hot paths that are one large SQL statement
 * (usage ingestion): no query-engine translation, and a transaction costs no extra round trips.
 */
export function createSqlPool(databaseUrl: string, options: { poolSize?: number } = {}): SqlPool {
  return new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
}
