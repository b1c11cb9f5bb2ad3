// Approving a wave approves the plan by its hash. A wave with production environments needs four
// eyes: someone other than who planned or started the rollout. Compare-and-set: one approval per wave.
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";

export async function approveWave(ctx: DomainContext, input: { rolloutId: string; position: number; planHash: string }) {
  authorize(ctx.actor, "releases.manage");
  const now = ctx.clock.now();
  return audited(ctx, ctx.db, async (tx) => {
    const rollout = await tx.rollout.findUnique({ where: { id: input.rolloutId }, include: { waves: true } });
    if (!rollout) throw new AppError("NOT_FOUND", "Rollout not found.");
    const wave = rollout.waves.find((w) => w.position === input.position);
    if (!wave) throw new AppError("NOT_FOUND", `The rollout has no wave ${input.position + 1}.`);
    if (input.planHash !== rollout.planHash)
      throw new AppError("CONFLICT", "The plan you reviewed is not the rollout's plan: review it again.");
    if (!wave.requiresApproval) throw new AppError("PRECONDITION_FAILED", `Wave "${wave.name}" needs no approval.`);
    if (wave.fourEyes && (ctx.actor.userId === rollout.createdById || ctx.actor.userId === rollout.startedById)) {
      throw new AppError(
        "FORBIDDEN",
        `Wave "${wave.name}" has production environments: someone other than who planned or started the rollout approves it.`,
      );
    }
    const approved = await tx.rolloutWave.updateMany({
      where: { id: wave.id, approvedById: null, status: { in: ["PENDING", "AWAITING_APPROVAL"] } },
      data: { approvedById: ctx.actor.userId, approvedPlanHash: input.planHash, approvedAt: now },
    });
    if (approved.count !== 1) throw new AppError("CONFLICT", `Wave "${wave.name}" is already approved or under way.`);
    return {
      result: { waveId: wave.id, approvedAt: now },
      audit: {
        action: "rollout.wave_approved",
        targetType: "rollout",
        targetId: rollout.id,
        data: { wave: String(wave.position + 1), name: wave.name, planHash: input.planHash, fourEyes: wave.fourEyes },
      },
    };
  });
}
