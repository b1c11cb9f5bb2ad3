// Meters and an institution's environments, read for every batch. Cached for a few seconds per
// process so a busy reporter does not pay a query per batch; a batch naming a reference the cache
// does not know reads it again before any event is rejected, so a new meter or environment is usable
// at once.
// A retired meter may still be accepted for up to CACHE_MS after retirement.
// Both are read in one statement on the plain pg pool (no Prisma on the ingest path).
import type { SqlPool } from "@opus/db/sql-pool";

const CACHE_MS = 5_000;

export type CatalogMeter = { id: string; code: string; dimensions: string[]; source: "API" | "CONTROL_PLANE"; retiredAt: Date | null };

type Entry<T> = { at: number; value: T };
const meterCache = new WeakMap<SqlPool, Entry<Map<string, CatalogMeter>>>();
const environmentCache = new WeakMap<SqlPool, Map<string, Entry<Map<string, string>>>>();

// retiredAt is timestamp(3) holding UTC: json_build_object would print it without a zone, so it
// is sent as epoch milliseconds.
const CATALOG_SQL = `SELECT
  (SELECT COALESCE(json_agg(json_build_object('id', id, 'code', code, 'dimensions', dimensions, 'source', source::text,
     'retiredAt', (extract(epoch FROM "retiredAt" AT TIME ZONE 'UTC') * 1000)::bigint)), '[]') FROM meter) AS meters,
  (SELECT COALESCE(json_agg(json_build_object('id', id, 'kind', kind::text)), '[]') FROM environment WHERE "institutionId" = $1) AS environments`;

type CatalogRow = {
  meters: (Omit<CatalogMeter, "retiredAt"> & { retiredAt: number | null })[];
  environments: { id: string; kind: string }[];
};

async function load(sql: SqlPool, institutionId: string) {
  const { rows } = await sql.query<CatalogRow>({ name: "ingest-catalog", text: CATALOG_SQL, values: [institutionId] });
  const row = rows[0] as CatalogRow;
  const at = Date.now();
  const meters = new Map(row.meters.map((m) => [m.code, { ...m, retiredAt: m.retiredAt === null ? null : new Date(Number(m.retiredAt)) }]));
  meterCache.set(sql, { at, value: meters });
  // Referenced by id or by kind ("production"), case-insensitively for kinds.
  const environments = new Map<string, string>();
  for (const e of row.environments) {
    environments.set(e.id, e.id);
    environments.set(e.kind.toLowerCase(), e.id);
  }
  const perPool = environmentCache.get(sql) ?? new Map();
  environmentCache.set(sql, perPool);
  perPool.set(institutionId, { at, value: environments });
  return { meters, environments };
}

function fresh<T>(entry: Entry<T> | undefined): T | undefined {
  return entry && Date.now() - entry.at < CACHE_MS ? entry.value : undefined;
}

/** The catalogue for a batch naming these meters and environments: read again once if it lacks any. */
export async function ingestCatalog(sql: SqlPool, institutionId: string, meterCodes: Iterable<string>, environmentRefs: Iterable<string>) {
  const meters = fresh(meterCache.get(sql));
  const environments = fresh(environmentCache.get(sql)?.get(institutionId));
  let current = meters && environments ? { meters, environments } : await load(sql, institutionId);
  const findEnvironment = (ref: string) => current.environments.get(ref) ?? current.environments.get(ref.toLowerCase());
  const lacksMeter = [...meterCodes].some((code) => !current.meters.has(code));
  if (lacksMeter || [...environmentRefs].some((ref) => !findEnvironment(ref))) current = await load(sql, institutionId);
  return {
    meter: (code: string): CatalogMeter | undefined => current.meters.get(code),
    environment: findEnvironment,
  };
}
