import { z } from "zod";
import { createRelease } from "../../domain/releases/create-release.ts";
import { getRelease, listReleases } from "../../domain/releases/list-releases.ts";
import { moveRelease } from "../../domain/releases/move-release.ts";
import { zReleaseInput } from "../../domain/releases/release-input.ts";
import { protectedProcedure, router } from "../init.ts";
import { zId, zReason } from "../schemas.ts";

const zReleaseRef = z.strictObject({ releaseId: zId });

export const releasesRouter = router({
  find: protectedProcedure("releases.read")
    .input(z.strictObject({}).optional())
    .query(({ ctx }) => listReleases(ctx)),
  get: protectedProcedure("releases.read")
    .input(zReleaseRef)
    .query(({ ctx, input }) => getRelease(ctx, input.releaseId)),
  create: protectedProcedure("releases.manage")
    .input(zReleaseInput)
    .mutation(({ ctx, input }) => createRelease(ctx, input)),
  publish: protectedProcedure("releases.manage")
    .input(zReleaseRef)
    .mutation(({ ctx, input }) => moveRelease(ctx, { ...input, move: "publish" })),
  deprecate: protectedProcedure("releases.manage")
    .input(zReleaseRef)
    .mutation(({ ctx, input }) => moveRelease(ctx, { ...input, move: "deprecate" })),
  withdraw: protectedProcedure("releases.manage")
    .input(z.strictObject({ releaseId: zId, reason: zReason }))
    .mutation(({ ctx, input }) => moveRelease(ctx, { ...input, move: "withdraw" })),
});
