// A person asks for an operation on one of the institution's environments (preview, deploy,
// drift check, destroy). The request and its audit event commit together.
import type { Enums } from "@opus/db/client";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { assertProductionDeployAllowed } from "../go-live/go-live-readiness.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { enqueueOperation } from "./enqueue-operation.ts";
import { operationSelect, withDuration } from "./operation-select.ts";

export async function requestOperation(
  ctx: DomainContext,
  input: { institutionId: string; environmentId: string; kind: Enums.OperationKind; idempotencyKey?: string | undefined },
) {
  const db = scopedDb(ctx, input.institutionId);
  // Through the scoped client, another tenant's environment id is not found (enqueueOperation says so).
  const { operation, created } = await audited(
    ctx,
    db,
    async (tx) => {
      if (input.kind === "UP") {
        const environment = await tx.environment.findFirst({ where: { id: input.environmentId }, select: { kind: true } });
        // A roadmap holds the production deploy until the homologation work is done.
        if (environment?.kind === "PRODUCTION") await assertProductionDeployAllowed(tx, input.institutionId, ctx.clock.now());
      }
      const queued = await enqueueOperation(
        tx,
        { now: ctx.clock.now() },
        {
          environmentId: input.environmentId,
          kind: input.kind,
          // Scoped to the person, so two people's keys never collide. Without a key the server keys
          // it: the pending operation of this kind on the stack, if there is one, is the answer.
          ...(input.idempotencyKey ? { idempotencyKey: `request:${ctx.actor.userId}:${input.idempotencyKey}` } : { onePending: true }),
          requestedById: ctx.actor.userId,
        },
      );
      if (!queued.created) return { result: queued, audit: null }; // the same click again: nothing new happened
      return {
        result: queued,
        audit: {
          action: "environment.operation_requested",
          institutionId: input.institutionId,
          targetType: "operation",
          targetId: queued.operation.id,
          data: { environmentId: queued.operation.environmentId, stackName: queued.operation.stackName, kind: input.kind },
        },
      };
    },
    // Repeated requests come in bursts (double clicks, client retries) and wait on one another at
    // the pending slot: let them queue for a connection rather than fail after Prisma's default 2 s.
    { maxWait: 10_000 },
  );
  const selected = await db.operation.findUniqueOrThrow({ where: { id: operation.id }, select: operationSelect });
  return { operation: withDuration(selected), created };
}
