// The Delivery Manager moves a stage and keeps its owner and due date. A compare-and-set on the
// state the person saw, so two people moving one stage cannot both win. Derived stages and go-live
// itself are not set by hand.
import { type GoLiveStage, type GoLiveStageState, isDerivedStage } from "@opus/rules/go-live-readiness";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

export type UpdateStageInput = {
  institutionId: string;
  stage: GoLiveStage;
  expectedState: GoLiveStageState;
  state: GoLiveStageState;
  ownerName?: string | null | undefined;
  dueOn?: string | null | undefined;
};

export async function updateGoLiveStage(ctx: DomainContext, input: UpdateStageInput) {
  if (isDerivedStage(input.stage)) {
    throw new AppError("BAD_INPUT", "This stage follows the environments and certificates; it cannot be set by hand.");
  }
  if (input.stage === "GO_LIVE") throw new AppError("BAD_INPUT", "Go-live is declared, not set: use the go-live action.");
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    const now = ctx.clock.now();
    const changed = await tx.goLiveStageRecord.updateMany({
      where: { institutionId: input.institutionId, stage: input.stage, state: input.expectedState, plan: { goLiveAt: null } },
      data: {
        state: input.state,
        ...(input.ownerName !== undefined ? { ownerName: input.ownerName } : {}),
        ...(input.dueOn !== undefined ? { dueOn: input.dueOn ? new Date(`${input.dueOn}T00:00:00Z`) : null } : {}),
        ...(input.state === "IN_PROGRESS" && input.expectedState === "NOT_STARTED" ? { startedAt: now } : {}),
        ...(input.state === "DONE" ? { completedAt: now } : { completedAt: null }),
      },
    });
    if (changed.count !== 1) {
      const row = await tx.goLiveStageRecord.findFirst({
        where: { institutionId: input.institutionId, stage: input.stage },
        include: { plan: true },
      });
      if (!row) throw new AppError("NOT_FOUND", "This institution has no roadmap yet.");
      if (row.plan.goLiveAt) throw new AppError("CONFLICT", "The institution is live; its roadmap is closed.");
      throw new AppError(
        "CONFLICT",
        `The stage is ${row.state.toLowerCase().replace("_", " ")} now, not ${input.expectedState.toLowerCase().replace("_", " ")}: reload and try again.`,
      );
    }
    return {
      result: { stage: input.stage, state: input.state },
      audit: {
        action: "go_live.stage_updated",
        institutionId: input.institutionId,
        targetType: "go_live_stage",
        targetId: input.stage,
        data: { from: input.expectedState, to: input.state, ownerName: input.ownerName, dueOn: input.dueOn },
      },
    };
  });
}
