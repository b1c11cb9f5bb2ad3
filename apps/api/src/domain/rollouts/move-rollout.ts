// A person's moves on a rollout: start (approving the plan by its hash), pause, resume, abort. Each
// is a compare-and-set on the rollout's status (table in `@opus/rules/releases`), audited once.
import { canMoveRollout, ROLLOUT_MOVES, type RolloutMove } from "@opus/rules/releases";
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";

const ACTION = { start: "rollout.started", pause: "rollout.paused", resume: "rollout.resumed", abort: "rollout.aborted" } as const;

export async function moveRollout(ctx: DomainContext, input: { rolloutId: string; move: RolloutMove; planHash?: string | undefined }) {
  authorize(ctx.actor, "releases.manage");
  const now = ctx.clock.now();
  return audited(ctx, ctx.db, async (tx) => {
    const rollout = await tx.rollout.findUnique({ where: { id: input.rolloutId } });
    if (!rollout) throw new AppError("NOT_FOUND", "Rollout not found.");
    if (!canMoveRollout(input.move, rollout.status)) {
      throw new AppError("CONFLICT", `Cannot ${input.move} the rollout "${rollout.name}": it is ${rollout.status.toLowerCase()}.`);
    }
    if (input.move === "start" && input.planHash !== rollout.planHash) {
      throw new AppError("CONFLICT", "The plan you reviewed is not the rollout's plan any more: review it again before starting.");
    }
    const { from, to } = ROLLOUT_MOVES[input.move];
    const data =
      input.move === "start"
        ? { startedAt: now, startedById: ctx.actor.userId }
        : input.move === "abort"
          ? { finishedAt: now }
          : input.move === "resume"
            ? { haltReason: null }
            : {};
    const moved = await tx.rollout.updateMany({ where: { id: rollout.id, status: rollout.status }, data: { status: to, ...data } });
    if (moved.count !== 1 || !(from as readonly string[]).includes(rollout.status)) {
      throw new AppError("CONFLICT", `The rollout "${rollout.name}" changed meanwhile; look at it again.`);
    }
    let retried = 0;
    if (input.move === "resume" && rollout.status === "HALTED") {
      // Resume after a fix: the halted wave runs again and its failed environments get another attempt.
      const halted = await tx.rolloutWave.findMany({ where: { rolloutId: rollout.id, status: "HALTED" }, select: { id: true } });
      await tx.rolloutWave.updateMany({ where: { id: { in: halted.map((w) => w.id) }, status: "HALTED" }, data: { status: "RUNNING" } });
      retried = (
        await tx.rolloutTarget.updateMany({
          where: { waveId: { in: halted.map((w) => w.id) }, status: "FAILED" },
          data: { status: "WAITING", attempt: { increment: 1 }, operationId: null, finishedAt: null, reason: "retried after the halt" },
        })
      ).count;
    }
    if (input.move === "abort") {
      await tx.rolloutTarget.updateMany({
        where: { rolloutId: rollout.id, status: "WAITING" },
        data: { status: "SKIPPED", reason: "the rollout was aborted", finishedAt: now },
      });
      // Upgrades not yet picked up are cancelled; one already running finishes (a half-applied stack is worse).
      const inFlight = await tx.rolloutTarget.findMany({
        where: { rolloutId: rollout.id, status: "UPGRADING" },
        select: { operationId: true },
      });
      await tx.operation.updateMany({
        where: { id: { in: inFlight.map((t) => t.operationId ?? "") }, status: "QUEUED", startedAt: null },
        data: { status: "CANCELLED", cancelRequestedAt: now, finishedAt: now, error: "The rollout was aborted." },
      });
    }
    return {
      result: { id: rollout.id, status: to },
      audit: {
        action: ACTION[input.move],
        targetType: "rollout",
        targetId: rollout.id,
        data: {
          name: rollout.name,
          from: rollout.status,
          to,
          ...(retried ? { retried } : {}),
          ...(input.planHash ? { planHash: input.planHash } : {}),
        },
      },
    };
  });
}
