// Meters and an institution's environments, read for every batch. Cached for a few seconds per
// process so a busy reporter does not pay two queries per batch; a reference the cache does not know
// is looked up again before an event is rejected, so a new meter or environment is usable at once.
// A retired meter may still be accepted for up to CACHE_MS after retirement.
import type { Db } from "@opus/db/client";

const CACHE_MS = 5_000;

export type CatalogMeter = { id: string; code: string; dimensions: string[]; source: "API" | "CONTROL_PLANE"; retiredAt: Date | null };

type Entry<T> = { at: number; value: T };
const meterCache = new WeakMap<Db, Entry<Map<string, CatalogMeter>>>();
const environmentCache = new WeakMap<Db, Map<string, Entry<Map<string, string>>>>();

async function loadMeters(db: Db) {
  const meters = await db.meter.findMany({ select: { id: true, code: true, dimensions: true, source: true, retiredAt: true } });
  const value = new Map(meters.map((m) => [m.code, m]));
  meterCache.set(db, { at: Date.now(), value });
  return value;
}

async function loadEnvironments(db: Db, institutionId: string) {
  const environments = await db.environment.findMany({ where: { institutionId }, select: { id: true, kind: true } });
  // Referenced by id or by kind ("production"), case-insensitively for kinds.
  const value = new Map<string, string>();
  for (const e of environments) {
    value.set(e.id, e.id);
    value.set(e.kind.toLowerCase(), e.id);
  }
  const perDb = environmentCache.get(db) ?? new Map();
  environmentCache.set(db, perDb);
  perDb.set(institutionId, { at: Date.now(), value });
  return value;
}

function fresh<T>(entry: Entry<T> | undefined): T | undefined {
  return entry && Date.now() - entry.at < CACHE_MS ? entry.value : undefined;
}

export async function ingestCatalog(db: Db, institutionId: string) {
  let meters = fresh(meterCache.get(db)) ?? (await loadMeters(db));
  let environments = fresh(environmentCache.get(db)?.get(institutionId)) ?? (await loadEnvironments(db, institutionId));
  let metersReloaded = false;
  let environmentsReloaded = false;
  return {
    async meter(code: string): Promise<CatalogMeter | undefined> {
      if (!meters.has(code) && !metersReloaded) {
        metersReloaded = true;
        meters = await loadMeters(db);
      }
      return meters.get(code);
    },
    async environment(ref: string): Promise<string | undefined> {
      const find = () => environments.get(ref) ?? environments.get(ref.toLowerCase());
      if (!find() && !environmentsReloaded) {
        environmentsReloaded = true;
        environments = await loadEnvironments(db, institutionId);
      }
      return find();
    },
  };
}
