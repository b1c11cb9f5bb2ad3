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
    data: { ...releaseInput(version), status, createdById: admin.id, ...(status !== "DRAFT" ? { publishedAt: new Date() } : {}), ...extra },
  });
}

/** A rollout row in a given state, with one wave (and, when asked, one target), for the authorization matrix. */
export async function makeRollout(
  db: Db,
  status: Enums.RolloutStatus,
  options: {
    requiresApproval?: boolean;
    target?: { environmentId: string; institutionId: string; status: Enums.RolloutTargetStatus };
  } = {},
) {
  const release = await makeRelease(db, "AVAILABLE");
  const admin = await db.user.findUniqueOrThrow({ where: { email: "admin@opus.example" }, select: { id: true } });
  const planHash = "a".repeat(64);
  const rollout = await db.rollout.create({
    data: {
      releaseId: release.id,
      releaseVersion: release.version,
      name: `Matrix ${release.version}`,
      status,
      selection: {},
      plan: {},
      planHash,
      createdById: admin.id,
      waves: {
        create: [
          {
            position: 0,
            name: "All",
            maxConcurrency: 1,
            soakMinutes: 0,
            failureThreshold: 1,
            requiresApproval: options.requiresApproval ?? false,
          },
        ],
      },
    },
    include: { waves: true },
  });
  if (options.target) {
    const previous = await makeRelease(db, "AVAILABLE");
    await db.rolloutTarget.create({
      data: {
        ...options.target,
        rolloutId: rollout.id,
        waveId: rollout.waves[0]?.id ?? "",
        position: 0,
        fromReleaseVersion: previous.version,
      },
    });
  }
  return { id: rollout.id, planHash };
}
