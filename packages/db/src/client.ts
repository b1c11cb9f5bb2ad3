import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";
import { SerialClient } from "./serial-client.ts";

export type Db = PrismaClient;

export type DbOptions = {
  poolSize?: number;
  /** Called with every SQL statement the client sends (tests count statements with it; benches time them). */
  onQuery?: (sql: string, params: string, durationMs: number) => void;
};

/** One Prisma client over a pg pool. Callers own its lifetime (`db.$disconnect()`). */
export function createDb(databaseUrl: string, options: DbOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10, Client: SerialClient });
  // A burst of concurrent transactions queues for the pool's connections. Prisma's default 2 s wait
  // turns a busy moment into failed requests; 10 s lets the burst drain (what still times out is
  // answered 503, see the API's database-errors.ts).
  const transactionOptions = { maxWait: 10_000, timeout: 10_000 };
  if (!options.onQuery) return new PrismaClient({ adapter, transactionOptions });
  const onQuery = options.onQuery;
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query, event.params, event.duration));
  return client as unknown as Db;
}

export { Prisma } from "./generated/client.ts";
export * as Enums from "./generated/enums.ts";
