// Migrations job entry point (the control plane's Kubernetes Job, before new API and worker pods
// start): applies packages/db's migrations under an advisory lock and exits. Safe to run again.
import { migrate } from "@opus/db/migrate";
import { loadEnv } from "./env/load-env.ts";
import { parseMigrationsEnv } from "./env/migrations-env.ts";
import { createLogger } from "./logger.ts";

const config = loadEnv(parseMigrationsEnv);
const log = createLogger(config.LOG_LEVEL, "migrations");
try {
  const applied = await migrate(config.DATABASE_URL);
  log.info({ applied }, applied.length ? "migrations applied" : "database schema up to date");
} catch (error) {
  log.error({ err: error }, "migrations failed");
  process.exitCode = 1;
}
