// Evidence of a stage, as a link (a file: go-live-evidence-file.ts) (a certification report, a test run, a Directory screen). Opus and
// the customer's admins add it; it is never edited, only added.
import type { Prisma } from "@opus/db/client";
import type { GoLiveStage } from "@opus/rules/go-live-readiness";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

export async function addGoLiveEvidence(
  ctx: DomainContext,
  input: { institutionId: string; stage: GoLiveStage; label: string; url: string },
) {
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    const stage = await stageRecordOf(tx, input.institutionId, input.stage);
    const evidence = await tx.goLiveEvidence.create({
      data: { institutionId: input.institutionId, stageId: stage.id, label: input.label, url: input.url, addedById: ctx.actor.userId },
      select: { id: true, label: true, url: true, addedAt: true },
    });
    return {
      result: evidence,
      audit: {
        action: "go_live.evidence_added",
        institutionId: input.institutionId,
        targetType: "go_live_evidence",
        targetId: evidence.id,
        data: { stage: input.stage, label: input.label, url: input.url },
      },
    };
  });
}

/** The stage's record evidence attaches to; NOT_FOUND before a roadmap is opened. (Link and file evidence alike.) */
export async function stageRecordOf(tx: Pick<Prisma.TransactionClient, "goLiveStageRecord">, institutionId: string, stage: GoLiveStage) {
  const record = await tx.goLiveStageRecord.findFirst({ where: { institutionId, stage }, select: { id: true } });
  if (!record) throw new AppError("NOT_FOUND", "This institution has no roadmap yet.");
  return record;
}
