import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;

/** One Prisma client over a pg pool. Callers own its lifetime (`db.$disconnect()`). */
export function createDb(databaseUrl: string, options: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // A burst of concurrent transactions queues for the pool's connections. Prisma's default 2 s wait
  // turns a busy moment into failed requests; 10 s lets the burst drain (what still times out is
  // answered 503, see the API's database-errors.ts).
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 10_000 } });
}

export { Prisma } from "./generated/client.ts";
export * as Enums from "./generated/enums.ts";
