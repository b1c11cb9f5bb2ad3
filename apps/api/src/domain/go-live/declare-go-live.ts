// Declaring go-live: refused while a stage that holds it is open, with the list. An Opus admin who
// must go live anyway asks for GO_LIVE_OVERRIDE with a reason; another Opus person approves it.
import type { Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { gateRefusal, loadReadiness } from "./go-live-readiness.ts";

/** Compare-and-set: of concurrent declarations exactly one marks the plan live. */
export async function markLive(
  tx: Prisma.TransactionClient,
  institutionId: string,
  now: Date,
  byId: string,
  overrideReason: string | null,
) {
  const changed = await tx.goLivePlan.updateMany({
    where: { institutionId, goLiveAt: null },
    data: { goLiveAt: now, goLiveById: byId, overrideReason },
  });
  if (changed.count !== 1) {
    const plan = await tx.goLivePlan.findUnique({ where: { institutionId }, select: { goLiveAt: true } });
    throw new AppError(plan ? "CONFLICT" : "NOT_FOUND", plan ? "The institution is already live." : "This institution has no roadmap yet.");
  }
  await tx.goLiveStageRecord.updateMany({ where: { institutionId, stage: "GO_LIVE" }, data: { state: "DONE", completedAt: now } });
}

export async function declareGoLive(ctx: DomainContext, input: { institutionId: string }) {
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    const now = ctx.clock.now();
    const readiness = await loadReadiness(tx, input.institutionId, now);
    if (!readiness) throw new AppError("NOT_FOUND", "This institution has no roadmap yet.");
    if (readiness.plan.goLiveAt) throw new AppError("CONFLICT", "The institution is already live.");
    if (readiness.missing.goLive.length > 0) throw gateRefusal("Go-live", readiness.missing.goLive);
    await markLive(tx, input.institutionId, now, ctx.actor.userId, null);
    return {
      result: { goLiveAt: now },
      audit: {
        action: "go_live.declared",
        institutionId: input.institutionId,
        targetType: "go_live_plan",
        targetId: readiness.plan.id,
        data: {},
      },
    };
  });
}
