// One environment's release state: what it should run, what it runs (recorded by the last
// succeeded deploy or, self-managed, its last heartbeat), its policy, windows, freezes and whether
// it may change right now (and if not, why and until when).
import type { Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { readFleetFreezes } from "./fleet-control.ts";
import { eligibility, type Freeze, type MaintenanceWindow } from "./maintenance-windows.ts";
import type { ReleaseSettings } from "./schedule-input.ts";
import type { UpgradeEnvironment } from "./upgrade-refusal.ts";

const releaseStateSelect = {
  id: true,
  kind: true,
  status: true,
  releaseVersion: true,
  desiredReleaseVersion: true,
  updateChannel: true,
  pinnedReleaseVersion: true,
  timeZone: true,
  maintenanceWindows: true,
  freezes: true,
  kubernetesVersion: true,
  lastHeartbeatAt: true,
  heartbeat: true,
  institution: { select: { deploymentMode: true, region: true, managedAccount: { select: { kubernetesVersion: true } } } },
} satisfies Prisma.EnvironmentSelect;

export type EnvironmentReleaseRow = Prisma.EnvironmentGetPayload<{ select: typeof releaseStateSelect }>;

/** The schedule stored as JSON, read back as the shapes the settings schema wrote. */
export function scheduleOf(env: { maintenanceWindows: unknown; freezes: unknown; timeZone: string }) {
  return {
    windows: (env.maintenanceWindows ?? []) as MaintenanceWindow[],
    freezes: (env.freezes ?? []) as Freeze[],
    timeZone: env.timeZone,
  };
}

/** What deciding an upgrade reads of an environment: the refusal's facts and its schedule (one place for the three callers). */
export const upgradeFactsSelect = {
  id: true,
  kind: true,
  releaseVersion: true,
  pinnedReleaseVersion: true,
  kubernetesVersion: true,
  timeZone: true,
  maintenanceWindows: true,
  freezes: true,
  institution: { select: { slug: true, deploymentMode: true, region: true, managedAccount: { select: { kubernetesVersion: true } } } },
} as const satisfies Prisma.EnvironmentSelect;

/** The environment as upgradeVerdict reads it. */
export function upgradeEnvironmentOf(
  env: Prisma.EnvironmentGetPayload<{ select: typeof upgradeFactsSelect }>,
  saasKubernetes: Readonly<Record<string, string>>,
): UpgradeEnvironment {
  return {
    label: `${env.institution.slug} (${env.kind.toLowerCase()})`,
    runningVersion: env.releaseVersion,
    pinnedVersion: env.pinnedReleaseVersion,
    kubernetesVersion: clusterKubernetesVersion(env, saasKubernetes),
  };
}

/**
 * The cluster's Kubernetes version as best known. A SaaS environment runs on its region's shared
 * cluster, whose version is configuration (SAAS_REGION_KUBERNETES) and moves when Opus upgrades
 * that cluster, so it comes first; otherwise the environment's own record (heartbeat, deploy), else
 * the managed account's.
 */
export function clusterKubernetesVersion(
  env: {
    kubernetesVersion: string | null;
    institution: {
      deploymentMode: string | null;
      region: string | null;
      managedAccount: { kubernetesVersion: string | null } | null;
    };
  },
  saasKubernetes: Readonly<Record<string, string>>,
): string | null {
  const { institution } = env;
  const regional = institution.deploymentMode === "SAAS" && institution.region ? saasKubernetes[institution.region] : undefined;
  return regional ?? env.kubernetesVersion ?? institution.managedAccount?.kubernetesVersion ?? null;
}

export async function getEnvironmentRelease(ctx: DomainContext, input: { institutionId: string; environmentId: string }) {
  const db = scopedDb(ctx, input.institutionId);
  const env = await db.environment.findFirst({ where: { id: input.environmentId }, select: releaseStateSelect });
  if (!env) throw new AppError("NOT_FOUND", "Environment not found.");
  const now = ctx.clock.now();
  const schedule = scheduleOf(env);
  const state = eligibility(schedule, await readFleetFreezes(ctx.db), now);
  return {
    environmentId: env.id,
    kind: env.kind,
    runningRelease: env.releaseVersion,
    runningSource: env.institution.deploymentMode === "SELF_MANAGED" ? ("heartbeat" as const) : ("last deploy" as const),
    desiredRelease: env.desiredReleaseVersion,
    updateChannel: env.updateChannel,
    pinnedRelease: env.pinnedReleaseVersion,
    timeZone: env.timeZone,
    maintenanceWindows: schedule.windows,
    freezes: schedule.freezes,
    kubernetesVersion: clusterKubernetesVersion(env, ctx.settings.saasKubernetes),
    lastHeartbeatAt: env.lastHeartbeatAt,
    mayChangeNow: state.eligible,
    waitReason: state.eligible ? null : state.reason,
    waitUntil: state.eligible ? null : state.until,
  };
}

export async function setEnvironmentReleaseSettings(
  ctx: DomainContext,
  input: { institutionId: string; environmentId: string } & ReleaseSettings,
) {
  const db = scopedDb(ctx, input.institutionId);
  const { institutionId, environmentId, ...settings } = input;
  await audited(ctx, db, async (tx) => {
    const changed = await tx.environment.updateMany({
      where: { id: environmentId, status: { not: "DESTROYED" } },
      data: { ...settings, maintenanceWindows: settings.maintenanceWindows, freezes: settings.freezes },
    });
    if (changed.count !== 1) throw new AppError("NOT_FOUND", "Environment not found (or destroyed).");
    return {
      result: null,
      audit: {
        action: "environment.release_settings_changed",
        institutionId,
        targetType: "environment",
        targetId: environmentId,
        data: {
          updateChannel: settings.updateChannel,
          pinnedReleaseVersion: settings.pinnedReleaseVersion,
          timeZone: settings.timeZone,
          windows: settings.maintenanceWindows.length,
          freezes: settings.freezes.length,
        },
      },
    };
  });
  return getEnvironmentRelease(ctx, { institutionId, environmentId });
}
