import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

export async function removeCertificate(ctx: DomainContext, input: { institutionId: string; certificateId: string }) {
  return audited(ctx, scopedDb(ctx, input.institutionId), async (tx) => {
    // Scoped: another tenant's certificate id is not found, and nothing of theirs is deleted.
    const cert = await tx.certificate.findUnique({
      where: { id: input.certificateId },
      select: { id: true, kind: true, serialNumber: true },
    });
    if (!cert) throw new AppError("NOT_FOUND", "Certificate not found.");
    // Two removals at once both find it; the second deletes nothing and is told so (not a 500).
    const { count } = await tx.certificate.deleteMany({ where: { id: cert.id } });
    if (count === 0) throw new AppError("NOT_FOUND", "Certificate not found: it was removed at the same moment.");
    return {
      result: { id: cert.id },
      audit: {
        action: "certificate.removed",
        institutionId: input.institutionId,
        targetType: "certificate",
        targetId: cert.id,
        data: { kind: cert.kind, serialNumber: cert.serialNumber },
      },
    };
  });
}
