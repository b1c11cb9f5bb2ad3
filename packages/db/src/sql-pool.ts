import pg from "pg";

export type SqlPool = pg.Pool;

export type SqlPoolOptions = {
  poolSize?: number;
  onIdleError?: (error: Error) => void;
  /** Called with every SQL statement a client of the pool sends and its parameters as JSON, as the Prisma client's `onQuery` (tests count statements with it). */
  onQuery?: (sql: string, params: string) => void;
};

const TIMESTAMP_WITHOUT_TIME_ZONE = 1114;

// Prisma stores DateTime as `timestamp(3)` holding UTC; pg's default parser would read it as the
// process's local time. Read it as UTC, as Prisma does, whatever TZ the process runs in.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === TIMESTAMP_WITHOUT_TIME_ZONE && format !== "binary"
      ? (text: string) => new Date(`${text.replace(" ", "T")}Z`)
      : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * A plain pg pool beside the Prisma client, for the hot paths: statements issued on every request
 * (identity, list pages) and one large statement per batch (usage ingestion). No query-engine
 * translation (Prisma's costs 0.5–0.9 ms of CPU per statement, pg's 0.1–0.3 ms), and a transaction
 * costs no extra round trips. Parameters are positional ($1…); pass a Date as `toISOString()`
 * with a `::timestamp(3)` cast, since the columns hold UTC without a time zone.
 */
export function createSqlPool(databaseUrl: string, options: SqlPoolOptions = {}): SqlPool {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.poolSize ?? 10, types });
  // An idle client whose server goes away (a restart, a failover, pg_terminate_backend) emits
  // "error" on the pool; unhandled, that would crash the process. The pool drops the client and the
  // next query connects anew, so the error is only worth reporting.
  pool.on("error", (error) => options.onIdleError?.(error));
  const onQuery = options.onQuery;
  if (onQuery) {
    // pool.query and checked-out clients both end in the client's query: count there.
    pool.on("connect", (client) => {
      const query = client.query.bind(client) as (...args: unknown[]) => unknown;
      (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
        const [first, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
        if (typeof first === "string") onQuery(first, JSON.stringify(values ?? []));
        else onQuery(first.text, JSON.stringify(first.values ?? values ?? []));
        return query(...args);
      };
    });
  }
  return pool;
}
