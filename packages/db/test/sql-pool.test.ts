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
