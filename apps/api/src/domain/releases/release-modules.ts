// A release's modules as the tenant program takes them (which connect to the database or the
// queue, where the chart reads their settings): the provisioner's spec and the self-managed
// install bundle both carry them, so every installation gives each module its own access.
import type { Db } from "@opus/db/client";
import type { PlatformModule } from "@opus/provisioner/spec";
import type { ReleaseModule } from "./release-input.ts";

/** The registry's declarations (validated by zReleaseModule when created), without their images. */
export function programModules(json: unknown): PlatformModule[] {
  return (json as ReleaseModule[]).map((m) => ({
    name: m.name,
    valuesKey: m.valuesKey,
    needsDatabase: m.needsDatabase,
    needsQueue: m.needsQueue,
  }));
}

/** The modules of a registered version; undefined for a version the registry does not hold. */
export async function registeredModules(db: Db, version: string): Promise<PlatformModule[] | undefined> {
  const registered = await db.release.findUnique({ where: { version }, select: { modules: true } });
  return registered ? programModules(registered.modules) : undefined;
}
