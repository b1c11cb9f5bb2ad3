import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client.ts";

export type Db = PrismaClient;

/** One Prisma client over a pg pool. Callers own its lifetime (`db.$disconnect()`). */
export function createDb(databaseUrl: string, options: { poolSize?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter });
}

export { Prisma } from "./generated/client.ts";
export * as Enums from "./generated/enums.ts";
