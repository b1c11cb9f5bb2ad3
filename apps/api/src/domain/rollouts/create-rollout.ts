// Plans a rollout: computes the whole plan now, stores it with its hash, its waves and one target
// per environment (skipped ones keep the reason). Nothing is enqueued until it is started.
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { readFleetFreezes } from "../releases/fleet-control.ts";
import { planHash, planRollout } from "./plan-rollout.ts";
import { resolveTenants } from "./resolve-tenants.ts";
import type { RolloutInput } from "./rollout-input.ts";
import { selectEnvironments } from "./select-environments.ts";

export async function createRollout(ctx: DomainContext, request: RolloutInput) {
  authorize(ctx.actor, "releases.manage");
  const input = await resolveTenants(ctx.db, request);
  const release = await ctx.db.release.findUnique({ where: { id: input.releaseId } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found.");
  if (release.status !== "AVAILABLE") {
    throw new AppError(
      "PRECONDITION_FAILED",
      `Release ${release.version} is ${release.status.toLowerCase()}: only available releases roll out.`,
    );
  }
  const now = ctx.clock.now();
  const environments = await selectEnvironments(ctx.db, input.selection, ctx.settings.saasKubernetes);
  if (environments.length === 0) throw new AppError("PRECONDITION_FAILED", "The selection names no environment Opus could move.");
  const plan = planRollout({
    release,
    environments,
    waves: input.waves,
    fleetFreezes: await readFleetFreezes(ctx.db),
    startAt: now,
    upgradeMinutes: input.upgradeMinutes,
  });
  const hash = planHash(plan);

  return audited(
    ctx,
    ctx.db,
    async (tx) => {
      const rollout = await tx.rollout.create({
        data: {
          releaseId: release.id,
          releaseVersion: release.version,
          name: input.name,
          selection: input.selection,
          plan,
          planHash: hash,
          previewFirst: input.previewFirst,
          createdById: ctx.actor.userId,
          createdAt: now,
          waves: {
            create: plan.waves.map((w) => ({
              position: w.position,
              name: w.name,
              maxConcurrency: w.maxConcurrency,
              soakMinutes: w.soakMinutes,
              failureThreshold: w.failureThreshold,
              requiresApproval: w.requiresApproval,
              fourEyes: w.fourEyes,
              healthGate: w.healthGate,
              rollbackOnBreach: w.rollbackOnBreach,
            })),
          },
        },
        include: { waves: { select: { id: true, position: true } } },
      });
      const waveId = new Map(rollout.waves.map((w) => [w.position, w.id]));
      // Environments no wave takes are in the plan (with the reason), not in the rollout.
      const targets = plan.environments.filter((e) => e.wave !== null);
      await tx.rolloutTarget.createMany({
        data: targets.map((e, position) => ({
          rolloutId: rollout.id,
          waveId: waveId.get(e.wave ?? 0) ?? "",
          environmentId: e.environmentId,
          institutionId: e.institutionId,
          selfManaged: e.mode === "SELF_MANAGED",
          status: e.action === "skip" ? ("SKIPPED" as const) : ("WAITING" as const),
          position,
          fromReleaseVersion: e.fromVersion,
          reason: e.reason,
          expectedAt: e.expectedAt ? new Date(e.expectedAt) : null,
        })),
      });
      return {
        result: { id: rollout.id, planHash: hash, plan },
        audit: {
          action: "rollout.created",
          targetType: "rollout",
          targetId: rollout.id,
          data: { name: input.name, version: release.version, planHash: hash, ...plan.counts },
        },
      };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
