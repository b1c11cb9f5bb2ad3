import { MAX_PAGE_SIZE } from "@opus/rules/text-limits";
import { z } from "zod";
import { exportAuditEvents } from "../../domain/audit/export-audit-events.ts";
import { listAllAuditEvents, listInstitutionAuditEvents } from "../../domain/audit/list-audit-events.ts";
import { verifyAuditChain } from "../../domain/audit/verify-audit-chain.ts";
import { protectedProcedure, router } from "../init.ts";
import { zId, zInstitutionScope } from "../schemas.ts";

const zDay = z.iso.date({ message: "a day as YYYY-MM-DD" });
const page = { cursor: zId.optional(), limit: z.number().int().min(1).max(MAX_PAGE_SIZE).default(50) };

export const auditRouter = router({
  /** One institution's trail: its admins and Opus staff. */
  find: protectedProcedure("audit.read")
    .input(z.strictObject({ ...zInstitutionScope, ...page }))
    .query(({ ctx, input }) => listInstitutionAuditEvents(ctx, input)),
  /** Everything, including staff actions outside any institution: Opus admins only. */
  findAll: protectedProcedure("audit.read-all")
    .input(z.strictObject(page))
    .query(({ ctx, input }) => listAllAuditEvents(ctx, input)),
  /** Checks the whole chain and its signed checkpoints; names the first broken link. Opus admins only. */
  verify: protectedProcedure("audit.read-all")
    .input(z.strictObject({}).optional())
    .query(({ ctx }) => verifyAuditChain(ctx.db, ctx.ports.auditSigner.trustedPublicKeys)),
  /** A period (São Paulo days, both included) as JSON lines with hashes and signed checkpoints. Opus admins only. */
  export: protectedProcedure("audit.read-all")
    .input(z.strictObject({ from: zDay, to: zDay }))
    .query(({ ctx, input }) => exportAuditEvents(ctx, input)),
});
