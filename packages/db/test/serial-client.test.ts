// Concurrent queries on one connection (what Prisma's interpreter does inside a transaction) run
// one after another in call order, without pg's "already executing a query" deprecation.
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { SerialClient } from "../src/serial-client.ts";

const url = process.env.DATABASE_URL ?? "";
const warnings: string[] = [];
process.on("warning", (warning) => warnings.push(warning.message));
const alreadyExecuting = () => warnings.filter((w) => w.includes("already executing a query"));
const clients: pg.Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end()));
});

async function connected(Client: typeof pg.Client): Promise<pg.Client> {
  const client = new Client({ connectionString: url });
  clients.push(client);
  await client.connect();
  return client;
}

// pg warns once per process, so the serial client is tried first and plain pg last (proving the
// warning would be seen).
describe.skipIf(!url)("SerialClient", () => {
  it("runs concurrent queries one after another, in call order, inside a transaction", async () => {
    const client = await connected(SerialClient);
    await client.query("BEGIN");
    const order: number[] = [];
    const results = await Promise.all(
      [30, 1, 10].map((ms, i) =>
        client.query("SELECT $1::int AS i, pg_sleep($2::float / 1000)", [i, ms]).then((r) => {
          order.push(r.rows[0].i);
          return r.rows[0].i;
        }),
      ),
    );
    await client.query("COMMIT");
    expect(results).toEqual([0, 1, 2]);
    expect(order).toEqual([0, 1, 2]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(alreadyExecuting()).toEqual([]);
  });

  it("keeps going after a failed query, and passes callback calls through", async () => {
    const client = await connected(SerialClient);
    const [failed, ok] = await Promise.allSettled([client.query("SELECT 1/0"), client.query("SELECT 2 AS two")]);
    expect(failed.status).toBe("rejected");
    expect(ok.status === "fulfilled" && ok.value.rows[0].two).toBe(2);
    const viaCallback = await new Promise((resolve, reject) =>
      client.query("SELECT 3 AS three", (error: Error | null, result: pg.QueryResult) =>
        error ? reject(error) : resolve(result.rows[0].three),
      ),
    );
    expect(viaCallback).toBe(3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(alreadyExecuting()).toEqual([]);
  });

  it("plain pg warns on the same pattern (what the serial client avoids)", async () => {
    const client = await connected(pg.Client);
    // pg warns when a query is sent while another already waits behind the running one.
    await Promise.all([client.query("SELECT pg_sleep(0.01)"), client.query("SELECT 1"), client.query("SELECT 2")]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(alreadyExecuting().length).toBeGreaterThan(0);
  });
});
