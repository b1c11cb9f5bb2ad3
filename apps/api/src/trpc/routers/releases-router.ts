import { z } from "zod";
import { createRelease } from "../../domain/releases/create-release.ts";
import { getEnvironmentRelease, setEnvironmentReleaseSettings } from "../../domain/releases/environment-release.ts";
import { declareEmergencyHalt, getFleetControl, liftEmergencyHalt, setFleetFreezes } from "../../domain/releases/fleet-control.ts";
import { getRelease, listReleases } from "../../domain/releases/list-releases.ts";
import { moveRelease } from "../../domain/releases/move-release.ts";
import { zReleaseInput } from "../../domain/releases/release-input.ts";
import { requestUpgrade } from "../../domain/releases/request-upgrade.ts";
import { zFreezes, zReleaseSettings } from "../../domain/releases/schedule-input.ts";
import { exportVersionMatrix, MATRIX_DEFAULTS, versionMatrix } from "../../domain/releases/version-matrix.ts";
import { protectedProcedure, router } from "../init.ts";
import { zId, zReason } from "../schemas.ts";

const zReleaseRef = z.strictObject({ releaseId: zId });
const zMatrixOptions = z
  .strictObject({
    maxMinorsBehind: z.number().int().min(0).max(100).default(MATRIX_DEFAULTS.maxMinorsBehind),
    staleAfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(30 * 24 * 60)
      .default(MATRIX_DEFAULTS.staleAfterMinutes),
  })
  .default(MATRIX_DEFAULTS);
const zEnvironmentRef = { institutionId: zId, environmentId: zId };

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
  environment: protectedProcedure("environments.read")
    .input(z.strictObject(zEnvironmentRef))
    .query(({ ctx, input }) => getEnvironmentRelease(ctx, input)),
  setEnvironmentSettings: protectedProcedure("environments.schedule")
    .input(zReleaseSettings.extend(zEnvironmentRef))
    .mutation(({ ctx, input }) => setEnvironmentReleaseSettings(ctx, input)),
  upgradeEnvironment: protectedProcedure("environments.operate")
    .input(z.strictObject({ ...zEnvironmentRef, releaseId: zId }))
    .mutation(({ ctx, input }) => requestUpgrade(ctx, input)),
  matrix: protectedProcedure("releases.read")
    .input(zMatrixOptions)
    .query(({ ctx, input }) => versionMatrix(ctx, input)),
  exportMatrix: protectedProcedure("releases.read")
    .input(zMatrixOptions)
    .query(({ ctx, input }) => exportVersionMatrix(ctx, input)),
  fleet: protectedProcedure("releases.read")
    .input(z.strictObject({}).optional())
    .query(({ ctx }) => getFleetControl(ctx)),
  setFleetFreezes: protectedProcedure("releases.manage")
    .input(z.strictObject({ freezes: zFreezes }))
    .mutation(({ ctx, input }) => setFleetFreezes(ctx, input.freezes)),
  declareEmergencyHalt: protectedProcedure("releases.manage")
    .input(z.strictObject({ reason: zReason }))
    .mutation(({ ctx, input }) => declareEmergencyHalt(ctx, input.reason)),
  liftEmergencyHalt: protectedProcedure("releases.manage")
    .input(z.strictObject({}).optional())
    .mutation(({ ctx }) => liftEmergencyHalt(ctx)),
});
