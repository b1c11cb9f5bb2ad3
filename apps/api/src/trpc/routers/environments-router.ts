// Tenant environments and their provisioning operations. Thin: each procedure validates its input
// and calls one domain function (src/domain/environments), which scopes every id to the
// institution, so another tenant's environment or operation is NOT_FOUND.
import { z } from "zod";
import { cancelOperation } from "../../domain/environments/cancel-operation.ts";
import { deployPreview } from "../../domain/environments/deploy-preview.ts";
import { getOperation, listEnvironments, listOperations, operationLogs } from "../../domain/environments/read-operations.ts";
import { requestOperation } from "../../domain/environments/request-operation.ts";
import { issueInstallBundle } from "../../domain/self-managed/issue-install-bundle.ts";
import { protectedProcedure, router } from "../init.ts";
import { zId, zInstitutionScope } from "../schemas.ts";

const zOperationRequest = z.strictObject({
  ...zInstitutionScope,
  environmentId: zId,
  /** Set by the console per click, so a double submit queues one operation. */
  idempotencyKey: z.string().trim().min(1).max(100, "must be at most 100 characters").optional(),
});
const zOperationScope = z.strictObject({ ...zInstitutionScope, operationId: zId });

const operate = (kind: "PREVIEW" | "UP" | "REFRESH" | "DESTROY") =>
  protectedProcedure("environments.operate")
    .input(zOperationRequest)
    .mutation(({ ctx, input }) => requestOperation(ctx, { ...input, kind }));

export const environmentsRouter = router({
  find: protectedProcedure("environments.read")
    .input(z.strictObject(zInstitutionScope))
    .query(({ ctx, input }) => listEnvironments(ctx, input)),
  /** Self-managed only: chart values, stack config and a new usage-reporting key (shown once). */
  installBundle: protectedProcedure("install-bundle.issue")
    .input(z.strictObject({ ...zInstitutionScope, environmentId: zId }))
    .mutation(({ ctx, input }) => issueInstallBundle(ctx, input)),
  preview: operate("PREVIEW"),
  deploy: operate("UP"),
  /** "Approve and deploy": deploys what this succeeded preview showed, or refuses if anything changed since. */
  deployPreview: protectedProcedure("environments.operate")
    .input(zOperationScope)
    .mutation(({ ctx, input }) => deployPreview(ctx, input)),
  /** A drift check: a preview-only refresh that reports drift without writing the stack's state. */
  refresh: operate("REFRESH"),
  /** The destroy step of offboarding; refused unless the institution is offboarding. */
  destroy: operate("DESTROY"),
  cancel: protectedProcedure("environments.operate")
    .input(zOperationScope)
    .mutation(({ ctx, input }) => cancelOperation(ctx, input)),
  /** An environment's most recent runs, newest first, with who asked for each. */
  findOperations: protectedProcedure("environments.read")
    .input(z.strictObject({ ...zInstitutionScope, environmentId: zId }))
    .query(({ ctx, input }) => listOperations(ctx, input)),
  getOperation: protectedProcedure("environments.read")
    .input(zOperationScope)
    .query(({ ctx, input }) => getOperation(ctx, input)),
  operationLogs: protectedProcedure("environments.read")
    .input(
      z.strictObject({
        ...zInstitutionScope,
        operationId: zId,
        afterId: z
          .string()
          .regex(/^\d{1,18}$/, "must be a log line id")
          .optional(),
      }),
    )
    .query(({ ctx, input }) => operationLogs(ctx, input)),
});
