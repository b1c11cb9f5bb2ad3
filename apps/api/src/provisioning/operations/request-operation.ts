// A person asks for an operation on one of the institution's environments (preview, deploy,
// drift check, destroy). The request and its audit event commit together.
import type { Enums } from "@opus/db/client";
import type { DomainContext } from "../../domain/domain-context.ts";
import { AppError } from "../../errors/app-error.ts";
import { enqueueOperation } from "./enqueue-operation.ts";
import { operationSelect, withDuration } from "./operation-select.ts";

export async function requestOperation(
  ctx: DomainContext,
  input: { institutionId: string; environmentId: string; kind: Enums.OperationKind; idempotencyKey?: string | undefined },
) {
  const environment = await ctx.db.environment.findFirst({
    where: { id: input.environmentId, institutionId: input.institutionId },
    select: { id: true },
  });
  if (!environment) throw new AppError("NOT_FOUND", "Environment not found.");
  const { operation, created } = await ctx.db.$transaction((tx) =>
    enqueueOperation(
      tx,
      { source: ctx, now: ctx.clock.now() },
      {
        environmentId: environment.id,
        kind: input.kind,
        // Scoped to the person, so two people's keys never collide.
        ...(input.idempotencyKey ? { idempotencyKey: `request:${ctx.actor.userId}:${input.idempotencyKey}` } : {}),
        requestedById: ctx.actor.userId,
      },
    ),
  );
  const selected = await ctx.db.operation.findUniqueOrThrow({ where: { id: operation.id }, select: operationSelect });
  return { operation: withDuration(selected), created };
}
