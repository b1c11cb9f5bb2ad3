// Test isolation: one fully migrated template database per migration set, cloned into a fresh
// database for each test file/worker (CREATE DATABASE … TEMPLATE takes milliseconds).
import { createHash, randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrate } from "./migrate.ts";

const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../prisma/migrations");
const TEMPLATE_LOCK_KEY = 727_100_002;

function withDatabase(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function migrationsHash() {
  const hash = createHash("sha256");
  for (const name of (await readdir(migrationsDir)).sort()) {
    if (name.endsWith(".toml")) continue;
    hash.update(name).update(await readFile(path.join(migrationsDir, name, "migration.sql")));
  }
  return hash.digest("hex").slice(0, 12);
}

async function admin<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Creates (once) the migrated template and returns a brand-new database cloned from it. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const template = `opus_tpl_${await migrationsHash()}`;
  const name = `opus_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [TEMPLATE_LOCK_KEY]);
    try {
      const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
      if (exists.rowCount === 0) {
        const building = `${template}_building`;
        await client.query(`DROP DATABASE IF EXISTS ${building}`);
        await client.query(`CREATE DATABASE ${building}`);
        await migrate(withDatabase(serverUrl, building));
        await client.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
      }
      await client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [TEMPLATE_LOCK_KEY]);
    }
  });
  return {
    url: withDatabase(serverUrl, name),
    drop: () => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).then(() => {})),
  };
}
