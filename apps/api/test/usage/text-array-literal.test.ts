// The ingest statement's arrays travel as literals built by textArrayLiteral: PostgreSQL must read
// back exactly the strings that were sent, whatever they hold.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textArrayLiteral } from "../../src/domain/usage/write-usage-events.ts";
import { serverUrl } from "../support/test-services.ts";

let client: pg.Client;
beforeAll(async () => {
  client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
});
afterAll(async () => {
  await client.end();
});

const tricky = [
  "plain",
  "",
  "NULL",
  'with "quotes"',
  "back\\slash",
  '\\"',
  "trailing\\",
  "{braces},commas",
  "  spaces kept  ",
  "new\nline\ttab",
  "São Paulo ✓ 💸",
  '{"family":"a\\"b","endpoint":"/x"}',
];

describe("textArrayLiteral", () => {
  it("is read back by PostgreSQL as exactly the strings sent", async () => {
    const { rows } = await client.query<{ a: string[] }>("SELECT $1::text[] AS a", [textArrayLiteral(tricky)]);
    expect(rows[0]?.a).toEqual(tricky);
  });

  it("keeps the order and count of many elements, and an empty array is empty", async () => {
    const many = Array.from({ length: 1000 }, (_, i) => (i % 3 ? `evt-${i}` : `q"${i}\\`));
    const { rows } = await client.query<{ a: string[]; e: string[] }>("SELECT $1::text[] AS a, $2::text[] AS e", [
      textArrayLiteral(many),
      textArrayLiteral([]),
    ]);
    expect(rows[0]?.a).toEqual(many);
    expect(rows[0]?.e).toEqual([]);
  });
});
