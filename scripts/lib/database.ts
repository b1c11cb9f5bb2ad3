// Resolves the database for `pnpm start` and `pnpm test`: DATABASE_URL when set, otherwise the
// embedded PostgreSQL kept under the data folder.
import { startEmbeddedPostgres } from "@opus/db/embedded";

export type ResolvedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function resolveDatabase(options: { dataDir: string; port: number; database: string }): Promise<ResolvedDatabase> {
  const given = process.env.DATABASE_URL;
  if (given) return { url: given, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres(options);
  return { url: server.url(options.database), embedded: true, stop: server.stop };
}
