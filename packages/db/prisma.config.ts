// Prisma without engine binaries (see ../../../shared/STACK.md): the CLI talks to PostgreSQL
// through the pg driver adapter. With a config file Prisma loads no .env, so DATABASE_URL must be exported.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "" }),
});
