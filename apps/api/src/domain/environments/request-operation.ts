// A person asks for an operation on one of the institution's environments (preview, deploy,
// drift check, destroy). The request and its audit event commit together.
import type { Enums } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
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
  const { operation, created } = await ctx.db.$transaction(
    (tx) =>
      enqueueOperation(
        tx,
        { source: ctx, now: ctx.clock.now() },
        {
          environmentId: environment.id,
          kind: input.kind,
          // Scoped to the person, so two people's keys never collide. Without a key the server keys
          // it: the pending operation of this kind on the stack, if there is one, is the answer.
          ...(input.idempotencyKey ? { idempotencyKey: `request:${ctx.actor.userId}:${input.idempotencyKey}` } : { onePending: true }),
          requestedById: ctx.actor.userId,
        },
      ),
    // Repeated requests come in bursts (double clicks, client retries) and wait on one another at
    // the pending slot: let them queue for a connection rather than fail after Prisma's default 2 s.
    { maxWait: 10_000 },
  );
  const selected = await ctx.db.operation.findUniqueOrThrow({ where: { id: operation.id }, select: operationSelect });
  return { operation: withDuration(selected), created };
}
