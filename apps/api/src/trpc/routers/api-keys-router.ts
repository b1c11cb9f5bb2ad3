import { z } from "zod";
import { createApiKey } from "../../domain/api-keys/create-api-key.ts";
import { listApiKeys } from "../../domain/api-keys/list-api-keys.ts";
import { revokeApiKey } from "../../domain/api-keys/revoke-api-key.ts";
import { protectedProcedure, router } from "../init.ts";
import { zId, zInstitutionScope, zName } from "../schemas.ts";

export const apiKeysRouter = router({
  find: protectedProcedure("api-keys.read")
    .input(z.strictObject(zInstitutionScope))
    .query(({ ctx, input }) => listApiKeys(ctx, input)),
  create: protectedProcedure("api-keys.manage")
    .input(
      z.strictObject({
        ...zInstitutionScope,
        name: zName,
        environmentId: zId.optional(),
        purpose: z.enum(["USAGE_REPORTING", "AGENT"]).optional(),
      }),
    )
    .mutation(({ ctx, input }) => createApiKey(ctx, input)),
  revoke: protectedProcedure("api-keys.manage")
    .input(z.strictObject({ ...zInstitutionScope, apiKeyId: zId }))
    .mutation(({ ctx, input }) => revokeApiKey(ctx, input)),
});
