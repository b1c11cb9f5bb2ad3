import { z } from "zod";
import { getInstitution } from "../../domain/institutions/get-institution.ts";
import { listInstitutions } from "../../domain/institutions/list-institutions.ts";
import { protectedProcedure, router } from "../init.ts";
import { zId, zInstitutionScope } from "../schemas.ts";

export const institutionsRouter = router({
  find: protectedProcedure("fleet.read")
    .input(
      z.strictObject({
        search: z.string().trim().max(100, "must be at most 100 characters").optional(),
        status: z.enum(["DRAFT", "SUBMITTED", "REJECTED", "APPROVED", "PROVISIONING", "ACTIVE", "SUSPENDED", "OFFBOARDING", "OFFBOARDED"]).optional(),
        mode: z.enum(["SAAS", "MANAGED", "SELF_MANAGED"]).optional(),
        planId: zId.optional(),
        role: z.enum(["DADOS", "PAGTO", "CONTA", "CCORR"]).optional(),
        sort: z.enum(["legalName", "createdAt", "status"]).default("legalName"),
        direction: z.enum(["asc", "desc"]).default("asc"),
        page: z.number().int().min(1).max(100_000).default(1),
        pageSize: z.number().int().min(1).max(100).default(25),
      }),
    )
    .query(({ ctx, input }) => listInstitutions(ctx, input)),
  get: protectedProcedure("institution.read")
    .input(z.strictObject(zInstitutionScope))
    .query(({ ctx, input }) => getInstitution(ctx, input)),
});
