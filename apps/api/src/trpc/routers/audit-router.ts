import { MAX_PAGE_SIZE } from "@opus/rules/text-limits";
import { z } from "zod";
import { listAuditEvents } from "../../domain/audit/list-audit-events.ts";
import { protectedProcedure, router } from "../init.ts";
import { zId, zInstitutionScope } from "../schemas.ts";

const page = { cursor: zId.optional(), limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50) };

export const auditRouter = router({
  /** One institution's trail: its admins and Opus staff. */
  find: protectedProcedure("audit.read")
    .input(z.strictObject({ ...zInstitutionScope, ...page }))
    .query(({ ctx, input }) => listAuditEvents(ctx, input)),
  /** Everything, including staff actions outside any institution: Opus admins only. */
  findAll: protectedProcedure("audit.read-all")
    .input(z.strictObject(page))
    .query(({ ctx, input }) => listAuditEvents(ctx, input)),
});
