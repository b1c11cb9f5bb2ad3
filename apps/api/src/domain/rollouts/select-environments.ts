// The environments a selection names, with what the planner needs about each. Fleet-wide on purpose
// (Opus admins only): the plain client, filtered by the selection.
import type { Db, Prisma } from "@opus/db/client";
import { ACTIVE_ROLLOUT_STATUSES } from "@opus/rules/releases";
import { clusterKubernetesVersion, scheduleOf, upgradeFactsSelect } from "../releases/environment-release.ts";
import type { PlanEnvironment } from "./plan-rollout.ts";
import type { Selection } from "./rollout-input.ts";

type Tx = Db | Prisma.TransactionClient;

export async function selectEnvironments(
  db: Tx,
  selection: Selection,
  saasKubernetes: Readonly<Record<string, string>>,
): Promise<PlanEnvironment[]> {
  const institution: Prisma.InstitutionWhereInput = {
    status: { in: ["APPROVED", "PROVISIONING", "ACTIVE"] },
    ...(selection.modes.length ? { deploymentMode: { in: selection.modes } } : { deploymentMode: { not: null } }),
    ...(selection.planIds.length ? { planId: { in: selection.planIds } } : {}),
    ...(selection.institutionIds.length ? { id: { in: selection.institutionIds } } : {}),
  };
  const rows = await db.environment.findMany({
    where: {
      institution,
      ...(selection.kinds.length ? { kind: { in: selection.kinds } } : {}),
      // Opus upgrades what it runs and is up; a self-managed installation is tracked whatever Opus last saw.
      OR: [{ status: "ACTIVE" }, { institution: { deploymentMode: "SELF_MANAGED" }, status: { notIn: ["DESTROYING", "DESTROYED"] } }],
    },
    select: {
      ...upgradeFactsSelect,
      institutionId: true,
      institution: { select: { ...upgradeFactsSelect.institution.select, planId: true } },
      rolloutTargets: {
        where: { rollout: { status: { in: [...ACTIVE_ROLLOUT_STATUSES] } } },
        select: { rollout: { select: { name: true } } },
        take: 1,
      },
    },
  });
  return rows.map((env) => ({
    environmentId: env.id,
    institutionId: env.institutionId,
    label: `${env.institution.slug} (${env.kind.toLowerCase()})`,
    kind: env.kind,
    mode: env.institution.deploymentMode ?? "SAAS",
    planId: env.institution.planId,
    runningVersion: env.releaseVersion,
    pinnedVersion: env.pinnedReleaseVersion,
    kubernetesVersion: clusterKubernetesVersion(env, saasKubernetes),
    schedule: scheduleOf(env),
    busyIn: env.rolloutTargets[0]?.rollout.name ?? null,
  }));
}
