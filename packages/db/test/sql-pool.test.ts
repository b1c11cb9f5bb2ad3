// An idle connection killed by the server (restart, failover) must not crash the process.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createSqlPool } from "../src/sql-pool.ts";
import { createTestDatabase } from "../src/test-database.ts";

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is required");
  database = await createTestDatabase(url);
});
afterAll(() => database.drop());

it("reports an idle connection terminated by the server, and the next query connects anew", async () => {
  const errors: Error[] = [];
  const pool = createSqlPool(database.url, { poolSize: 2, onIdleError: (e) => errors.push(e) });
  const { rows } = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  const admin = new pg.Client({ connectionString: database.url });
  await admin.connect();
  await admin.query("SELECT pg_terminate_backend($1)", [rows[0]?.pid]);
  await admin.end();
  await expect.poll(() => errors.length).toBe(1);
  expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
  await pool.end();
});

it("reads timestamps without a time zone as UTC, as Prisma stores them, whatever the process's time zone", async () => {
  const zone = process.env.TZ;
  process.env.TZ = "America/Sao_Paulo";
  const pool = createSqlPool(database.url, { poolSize: 1 });
  try {
    const { rows } = await pool.query<{ at: Date; zoned: Date }>(
      "SELECT '2026-12-03 10:00:00.123'::timestamp(3) AS at, '2026-12-03 10:00:00+00'::timestamptz AS zoned",
    );
    expect(rows[0]?.at.toISOString()).toBe("2026-12-03T10:00:00.123Z");
    expect(rows[0]?.zoned.toISOString()).toBe("2026-12-03T10:00:00.000Z");
  } finally {
    await pool.end();
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});

it("reports every statement with its parameters, through pool.query and checked-out clients", async () => {
  const seen: [string, string][] = [];
  const pool = createSqlPool(database.url, { poolSize: 1, onQuery: (sql, params) => seen.push([sql, params]) });
  try {
    await pool.query("SELECT $1::int AS n", [1]);
    const client = await pool.connect();
    await client.query({ text: "SELECT $1::text AS t", values: ["x"] });
    client.release();
    expect(seen).toEqual([
      ["SELECT $1::int AS n", "[1]"],
      ["SELECT $1::text AS t", '["x"]'],
    ]);
  } finally {
    await pool.end();
  }
});
