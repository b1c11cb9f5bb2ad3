// Releases for tests, written straight to the database (the registry's own tests go through the API).
import type { Db, Enums } from "@opus/db/client";

let counter = 0;

export const MODULES = [
  { name: "consent", image: "registry.opus.example/consent:1", valuesKey: "consent", needsDatabase: true, needsQueue: true },
  { name: "status", image: "registry.opus.example/status:1", valuesKey: "status", needsDatabase: false, needsQueue: false },
];

export function releaseInput(version: string, extra: Record<string, unknown> = {}) {
  return {
    version,
    chart: "opus-platform",
    chartRepository: "oci://registry.opus.example/charts",
    chartVersion: version,
    images: { gateway: `registry.opus.example/gateway:${version}` },
    modules: MODULES,
    kubernetesMin: "1.27",
    kubernetesMax: "1.30",
    channel: "REGULAR" as const,
    minUpgradableFrom: null,
    notes: `# ${version}\n\nFixes.`,
    ...extra,
  };
}

/** A fresh, unused version number (tests share one database per file). */
export function freshVersion(major = 9): string {
  return `${major}.${++counter}.0`;
}

export async function makeRelease(
  db: Db,
  status: Enums.ReleaseStatus = "AVAILABLE",
  version = freshVersion(),
  extra: Record<string, unknown> = {},
) {
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@opus.example" }, select: { id: true } });
  return db.release.create({
    data: { ...releaseInput(version), ...extra, status, createdById: admin.id, ...(status !== "DRAFT" ? { publishedAt: new Date() } : {}) },
  });
}
