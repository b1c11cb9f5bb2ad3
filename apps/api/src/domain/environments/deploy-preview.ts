// "Approve and deploy": the operator approves a preview they reviewed, and the deploy applies what
// that preview showed. The deploy is keyed by the preview, so approving it twice (a double click,
// two operators) queues one deploy; it is refused, with a request to preview again, when the
// tenant's records changed since the preview ran (checked in the insert, enqueue-operation.ts) or
// when the worker's configuration did (checked by the worker before it runs, spec-recording.ts).
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { enqueueOperation } from "./enqueue-operation.ts";
import { operationSelect, presentOperation } from "./operation-select.ts";
import { PREVIEW_AGAIN } from "./spec-fingerprint.ts";

export async function deployPreview(ctx: DomainContext, input: { institutionId: string; operationId: string }) {
  const db = scopedDb(ctx, input.institutionId);
  // Through the scoped client another tenant's preview is not found.
  const preview = await db.operation.findUnique({
    where: { id: input.operationId },
    select: { id: true, kind: true, status: true, environmentId: true },
  });
  if (!preview) throw new AppError("NOT_FOUND", "Preview not found.");
  if (preview.kind !== "PREVIEW") throw new AppError("BAD_INPUT", "Only a preview can be approved: this run is not one.");
  if (preview.status !== "SUCCEEDED") {
    throw new AppError(
      "PRECONDITION_FAILED",
      `Only a preview that succeeded can be approved: this one is ${preview.status.toLowerCase()}. ${PREVIEW_AGAIN}`,
      {
        reason: { code: "PREVIEW_NOT_SUCCEEDED" },
      },
    );
  }
  const { operation, created } = await audited(
    ctx,
    db,
    async (tx) => {
      const queued = await enqueueOperation(
        tx,
        { now: ctx.clock.now() },
        {
          environmentId: preview.environmentId,
          kind: "UP",
          idempotencyKey: `apply-preview:${preview.id}`,
          previewOperationId: preview.id,
          requestedById: ctx.actor.userId,
        },
      );
      if (!queued.created) return { result: queued, audit: null };
      return {
        result: queued,
        audit: {
          action: "environment.operation_requested",
          institutionId: input.institutionId,
          targetType: "operation",
          targetId: queued.operation.id,
          data: { environmentId: preview.environmentId, stackName: queued.operation.stackName, kind: "UP", previewOperationId: preview.id },
        },
      };
    },
    { maxWait: 10_000 },
  );
  const selected = await db.operation.findUniqueOrThrow({ where: { id: operation.id }, select: operationSelect });
  return { operation: presentOperation(ctx.actor, selected), created };
}
