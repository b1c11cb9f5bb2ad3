import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";

export async function removeCertificate(ctx: DomainContext, input: { institutionId: string; certificateId: string }) {
  const cert = await ctx.db.certificate.findFirst({
    where: { id: input.certificateId, institutionId: input.institutionId },
    select: { id: true, kind: true, serialNumber: true },
  });
  if (!cert) throw new AppError("NOT_FOUND", "Certificate not found.");
  await ctx.db.$transaction([
    ctx.db.certificate.delete({ where: { id: cert.id } }),
    ctx.db.auditEvent.create({
      data: auditEntry(ctx, {
        action: "certificate.removed",
        institutionId: input.institutionId,
        targetType: "certificate",
        targetId: cert.id,
        data: { kind: cert.kind, serialNumber: cert.serialNumber },
      }),
    }),
  ]);
  return { id: cert.id };
}
