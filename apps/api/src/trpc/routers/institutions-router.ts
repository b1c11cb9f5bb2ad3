import { APPROVAL_ACTIONS, INSTITUTION_SORTS, INSTITUTION_STATUSES, REGULATORY_ROLES } from "@opus/rules/enums";
import { MAX_PAGE_SIZE, TEXT_LIMITS } from "@opus/rules/text-limits";
import { z } from "zod";
import { requestApproval } from "../../domain/approvals/request-approval.ts";
import { resumeInstitution } from "../../domain/approvals/resume-institution.ts";
import { getInstitution } from "../../domain/institutions/get-institution.ts";
import { listInstitutions } from "../../domain/institutions/list-institutions.ts";
import { confirmDestruction } from "../../domain/offboarding/confirm-destruction.ts";
import { exportRecords } from "../../domain/offboarding/export-records.ts";
import { setRetention } from "../../domain/offboarding/set-retention.ts";
import { createInstitution } from "../../domain/onboarding/create-institution.ts";
import { saveWizardStep } from "../../domain/onboarding/save-wizard-step.ts";
import { submitInstitution } from "../../domain/onboarding/submit-institution.ts";
import { wizardOptions } from "../../domain/onboarding/wizard-options.ts";
import { SaveStepInput } from "../../domain/onboarding/wizard-steps.ts";
import { reviewInstitution } from "../../domain/review/review-institution.ts";
import { protectedProcedure, router, signedInProcedure } from "../init.ts";
import { zDecision, zDeploymentMode, zEmail, zId, zInstitutionScope, zName, zReason } from "../schemas.ts";

const scope = z.strictObject(zInstitutionScope);

export const institutionsRouter = router({
  find: protectedProcedure("fleet.read")
    .input(
      z.strictObject({
        search: z.string().trim().max(TEXT_LIMITS.search, `must be at most ${TEXT_LIMITS.search} characters`).optional(),
        status: z.enum(INSTITUTION_STATUSES).optional(),
        mode: zDeploymentMode.optional(),
        planId: zId.optional(),
        role: z.enum(REGULATORY_ROLES).optional(),
        sort: z.enum(INSTITUTION_SORTS).default("legalName"),
        direction: z.enum(["asc", "desc"]).default("asc"),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
      }),
    )
    .query(({ ctx, input }) => listInstitutions(ctx, input)),
  get: protectedProcedure("institution.read")
    .input(scope)
    .query(({ ctx, input }) => getInstitution(ctx, input)),
  /** Opus invites an institution: a draft plus an invitation for its first admin. */
  create: protectedProcedure("institution.create")
    .input(z.strictObject({ legalName: zName, adminEmail: zEmail }))
    .mutation(({ ctx, input }) => createInstitution(ctx, input)),
  wizardOptions: signedInProcedure.input(z.strictObject({}).optional()).query(({ ctx }) => wizardOptions(ctx)),
  saveStep: protectedProcedure("institution.update")
    .input(SaveStepInput)
    .mutation(({ ctx, input }) => saveWizardStep(ctx, input)),
  submit: protectedProcedure("institution.update")
    .input(scope)
    .mutation(({ ctx, input }) => submitInstitution(ctx, input)),
  review: protectedProcedure("institution.review")
    .input(z.strictObject({ ...zInstitutionScope, decision: zDecision, reason: zReason.optional() }))
    .mutation(({ ctx, input }) => reviewInstitution(ctx, input)),
  /** Suspend, offboard, change mode, delete: a second Opus person approves (see approvals router). */
  requestChange: protectedProcedure("institution.govern")
    .input(
      z.strictObject({
        ...zInstitutionScope,
        action: z.enum(APPROVAL_ACTIONS),
        reason: zReason,
        deploymentMode: zDeploymentMode.optional(),
      }),
    )
    .mutation(({ ctx, input }) => requestApproval(ctx, input)),
  resume: protectedProcedure("institution.govern")
    .input(scope)
    .mutation(({ ctx, input }) => resumeInstitution(ctx, input)),
  exportRecords: protectedProcedure("institution.export")
    .input(scope)
    .mutation(({ ctx, input }) => exportRecords(ctx, input)),
  setRetention: protectedProcedure("institution.destroy")
    .input(z.strictObject({ ...zInstitutionScope, retentionDays: z.number().int().min(0).max(3650, "at most 10 years") }))
    .mutation(({ ctx, input }) => setRetention(ctx, input)),
  confirmDestruction: protectedProcedure("institution.destroy")
    .input(scope)
    .mutation(({ ctx, input }) => confirmDestruction(ctx, input)),
});
