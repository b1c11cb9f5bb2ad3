import { EVIDENCE_MAX_BASE64, EVIDENCE_MAX_BYTES, evidenceSizeText } from "@opus/rules/go-live-evidence";
import { GO_LIVE_STAGE_STATES, GO_LIVE_STAGES } from "@opus/rules/go-live-readiness";
import { z } from "zod";
import { addGoLiveEvidence } from "../../domain/go-live/add-go-live-evidence.ts";
import { declareGoLive } from "../../domain/go-live/declare-go-live.ts";
import { getGoLive } from "../../domain/go-live/get-go-live.ts";
import { addGoLiveEvidenceFile, downloadGoLiveEvidence } from "../../domain/go-live/go-live-evidence-file.ts";
import { openGoLivePlan } from "../../domain/go-live/open-go-live-plan.ts";
import { updateGoLiveStage } from "../../domain/go-live/update-go-live-stage.ts";
import { protectedProcedure, router } from "../init.ts";
import { zEmail, zId, zInstitutionScope, zName } from "../schemas.ts";

const zStage = z.enum(GO_LIVE_STAGES);
const zState = z.enum(GO_LIVE_STAGE_STATES);
const zDay = z.iso.date();
const zEvidenceUrl = z.url({ protocol: /^https$/, error: "must be an https:// link" }).max(2000, "must be at most 2,000 characters");

export const goLiveRouter = router({
  get: protectedProcedure("go-live.read")
    .input(z.strictObject({ ...zInstitutionScope }))
    .query(({ ctx, input }) => getGoLive(ctx, input)),
  open: protectedProcedure("go-live.manage")
    .input(z.strictObject({ ...zInstitutionScope, deliveryManagerEmail: zEmail, migrationRequired: z.boolean() }))
    .mutation(({ ctx, input }) => openGoLivePlan(ctx, input)),
  updateStage: protectedProcedure("go-live.manage")
    .input(
      z.strictObject({
        ...zInstitutionScope,
        stage: zStage,
        expectedState: zState,
        state: zState,
        ownerName: zName.nullable().optional(),
        dueOn: zDay.nullable().optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateGoLiveStage(ctx, input)),
  addEvidence: protectedProcedure("go-live.evidence")
    .input(z.strictObject({ ...zInstitutionScope, stage: zStage, label: zName, url: zEvidenceUrl }))
    .mutation(({ ctx, input }) => addGoLiveEvidence(ctx, input)),
  addEvidenceFile: protectedProcedure("go-live.evidence")
    .input(
      z.strictObject({
        ...zInstitutionScope,
        stage: zStage,
        label: zName,
        fileName: z
          .string()
          .trim()
          .min(1, "is required")
          .max(200, "must be at most 200 characters")
          .refine((name) => !/[/\\]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20), "must be a file name, without folders"),
        base64: z
          .string()
          .min(1, "is required")
          .max(EVIDENCE_MAX_BASE64, `must be a file of at most ${evidenceSizeText(EVIDENCE_MAX_BYTES)}`),
      }),
    )
    .mutation(({ ctx, input }) => addGoLiveEvidenceFile(ctx, input)),
  evidenceFile: protectedProcedure("go-live.read")
    .input(z.strictObject({ ...zInstitutionScope, evidenceId: zId }))
    .query(({ ctx, input }) => downloadGoLiveEvidence(ctx, input)),
  declare: protectedProcedure("go-live.manage")
    .input(z.strictObject({ ...zInstitutionScope }))
    .mutation(({ ctx, input }) => declareGoLive(ctx, input)),
});
