// Opus opens an institution's roadmap and names its Delivery Manager (an Opus person). From then on
// the plan's gates hold the production deploy and go-live.
import { GO_LIVE_STAGES } from "@opus/rules/go-live-readiness";
import { AppError } from "../../errors/app-error.ts";
import { onUniqueViolation } from "../../errors/database-errors.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

export async function openGoLivePlan(
  ctx: DomainContext,
  input: { institutionId: string; deliveryManagerEmail: string; migrationRequired: boolean },
) {
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    const manager = await tx.user.findUnique({
      where: { email: input.deliveryManagerEmail.toLowerCase() },
      select: { id: true, staffRole: true },
    });
    if (!manager?.staffRole) {
      throw new AppError("BAD_INPUT", "The Delivery Manager must be an Opus person.", {
        fields: { deliveryManagerEmail: "not an Opus person" },
      });
    }
    const plan = await onUniqueViolation(
      tx.goLivePlan.create({
        data: {
          institutionId: input.institutionId,
          deliveryManagerId: manager.id,
          migrationRequired: input.migrationRequired,
          stages: { create: GO_LIVE_STAGES.map((stage) => ({ stage, institutionId: input.institutionId })) },
        },
        select: { id: true },
      }),
      { go_live_plan_institutionId_key: "This institution's roadmap is already open." },
    );
    return {
      result: plan,
      audit: {
        action: "go_live.plan_opened",
        institutionId: input.institutionId,
        targetType: "go_live_plan",
        targetId: plan.id,
        data: { deliveryManagerId: manager.id, migrationRequired: input.migrationRequired },
      },
    };
  });
}
