-- Rate-limit counters shared by every API replica (rate-limiter-flexible's PostgreSQL store, table
-- layout as the library creates it; created here so the API never runs DDL). Not a Prisma model:
-- only apps/api/src/lib/rate-limits.ts reads and writes it, through the library.
CREATE TABLE "rate_limit" (
    "key" VARCHAR(255) PRIMARY KEY,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT
);
