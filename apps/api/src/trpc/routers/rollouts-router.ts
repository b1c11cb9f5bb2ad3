import { z } from "zod";
import { approveWave } from "../../domain/rollouts/approve-wave.ts";
import { createRollout } from "../../domain/rollouts/create-rollout.ts";
import { getRollout, listRollouts } from "../../domain/rollouts/get-rollout.ts";
import { moveRollout } from "../../domain/rollouts/move-rollout.ts";
import { rollback } from "../../domain/rollouts/rollback.ts";
import { zRolloutInput } from "../../domain/rollouts/rollout-input.ts";
import { protectedProcedure, router } from "../init.ts";
import { zId } from "../schemas.ts";

const zRolloutRef = z.strictObject({ rolloutId: zId });
const zPlanHash = z.string().regex(/^[0-9a-f]{64}$/, "must be the plan's SHA-256 (64 hex digits)");
const zPosition = z.number().int().min(0).max(19);

export const rolloutsRouter = router({
  find: protectedProcedure("releases.read")
    .input(z.strictObject({}).optional())
    .query(({ ctx }) => listRollouts(ctx)),
  get: protectedProcedure("releases.read")
    .input(zRolloutRef)
    .query(({ ctx, input }) => getRollout(ctx, input.rolloutId)),
  create: protectedProcedure("releases.manage")
    .input(zRolloutInput)
    .mutation(({ ctx, input }) => createRollout(ctx, input)),
  start: protectedProcedure("releases.manage")
    .input(z.strictObject({ rolloutId: zId, planHash: zPlanHash }))
    .mutation(({ ctx, input }) => moveRollout(ctx, { ...input, move: "start" })),
  pause: protectedProcedure("releases.manage")
    .input(zRolloutRef)
    .mutation(({ ctx, input }) => moveRollout(ctx, { ...input, move: "pause" })),
  resume: protectedProcedure("releases.manage")
    .input(zRolloutRef)
    .mutation(({ ctx, input }) => moveRollout(ctx, { ...input, move: "resume" })),
  abort: protectedProcedure("releases.manage")
    .input(zRolloutRef)
    .mutation(({ ctx, input }) => moveRollout(ctx, { ...input, move: "abort" })),
  approveWave: protectedProcedure("releases.manage")
    .input(z.strictObject({ rolloutId: zId, position: zPosition, planHash: zPlanHash }))
    .mutation(({ ctx, input }) => approveWave(ctx, input)),
  rollback: protectedProcedure("releases.manage")
    .input(z.strictObject({ rolloutId: zId, environmentId: zId.optional(), position: zPosition.optional() }))
    .mutation(({ ctx, input }) => rollback(ctx, input)),
});
