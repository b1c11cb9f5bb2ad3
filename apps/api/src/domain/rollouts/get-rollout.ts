// A rollout as its page shows it: status, gates, each wave's progress and each environment's state
// beside what the plan expected.
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import type { RolloutPlan } from "./plan-rollout.ts";

export async function listRollouts(ctx: DomainContext) {
  authorize(ctx.actor, "releases.read");
  const rollouts = await ctx.db.rollout.findMany({
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      name: true,
      releaseVersion: true,
      status: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      haltReason: true,
    },
  });
  return rollouts;
}

export async function getRollout(ctx: DomainContext, rolloutId: string) {
  authorize(ctx.actor, "releases.read");
  const rollout = await ctx.db.rollout.findUnique({
    where: { id: rolloutId },
    include: {
      waves: { orderBy: { position: "asc" } },
      targets: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          waveId: true,
          environmentId: true,
          institutionId: true,
          selfManaged: true,
          status: true,
          fromReleaseVersion: true,
          operationId: true,
          attempt: true,
          reason: true,
          expectedAt: true,
          startedAt: true,
          finishedAt: true,
          error: true,
          environment: { select: { kind: true, releaseVersion: true, institution: { select: { slug: true } } } },
        },
      },
    },
  });
  if (!rollout) throw new AppError("NOT_FOUND", "Rollout not found.");
  const fleet = await ctx.db.fleetControl.findUnique({ where: { id: 1 }, select: { emergencyHaltAt: true, emergencyHaltReason: true } });
  const waves = rollout.waves.map((w) => {
    const mine = rollout.targets.filter((t) => t.waveId === w.id);
    const counts: Record<string, number> = {};
    for (const t of mine) counts[t.status] = (counts[t.status] ?? 0) + 1;
    return { ...w, size: mine.length, counts };
  });
  const { plan, targets, ...rest } = rollout;
  return {
    ...rest,
    plan: plan as unknown as RolloutPlan,
    waves,
    emergencyHalt: fleet?.emergencyHaltAt ? { at: fleet.emergencyHaltAt, reason: fleet.emergencyHaltReason } : null,
    targets: targets.map(({ environment, ...t }) => ({
      ...t,
      label: `${environment.institution.slug} (${environment.kind.toLowerCase()})`,
      kind: environment.kind,
      runningRelease: environment.releaseVersion,
    })),
  };
}
