// What the migrations job (src/migrate-database.ts) reads: only the database it migrates.
import { z } from "zod";
import { parseEnvWith } from "./load-env.ts";
import { databaseSettings, processSettings } from "./settings.ts";

const migrationsSettings = z.object({ ...processSettings, ...databaseSettings });

export type MigrationsEnv = z.infer<typeof migrationsSettings>;

/** Names the settings this process reads, for the deployment's tests. */
export const MIGRATIONS_SETTINGS = Object.keys(migrationsSettings.shape);

export function parseMigrationsEnv(source: Record<string, string | undefined>): MigrationsEnv {
  return parseEnvWith("migrations job", migrationsSettings, source);
}
