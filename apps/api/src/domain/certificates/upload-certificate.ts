import type { CertificateKind } from "@opus/rules/enums";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { checkInstitutionCertificate } from "../institutions/certificate.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

/** Stores a public BRCAC/BRSEAL certificate after checking it belongs to this institution. */
export async function uploadCertificate(ctx: DomainContext, input: { institutionId: string; kind: CertificateKind; pem: string }) {
  const db = scopedDb(ctx, input.institutionId);
  const institution = await db.institution.findUnique({
    where: { id: input.institutionId },
    select: { id: true, cnpj: true, organisationId: true },
  });
  if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
  const cert = checkInstitutionCertificate({ pem: input.pem, kind: input.kind, institution, now: ctx.clock.now() });
  const duplicate = await db.certificate.findUnique({
    where: { institutionId_fingerprintSha256: { institutionId: institution.id, fingerprintSha256: cert.fingerprintSha256 } },
    select: { id: true },
  });
  if (duplicate) {
    throw new AppError("CONFLICT", "This certificate is already uploaded.", {
      fields: { pem: "already uploaded" },
      reason: { code: "CERTIFICATE_DUPLICATE" },
    });
  }
  return audited(ctx, db, async (tx) => {
    const created = await tx.certificate.create({
      data: {
        institutionId: institution.id,
        kind: input.kind,
        pem: cert.pem,
        subject: cert.subject,
        issuer: cert.issuer,
        serialNumber: cert.serialNumber,
        fingerprintSha256: cert.fingerprintSha256,
        notBefore: cert.notBefore,
        notAfter: cert.notAfter,
        uploadedById: ctx.actor.userId,
      },
      select: { id: true, kind: true, subject: true, notAfter: true },
    });
    return {
      result: created,
      audit: {
        action: "certificate.uploaded",
        institutionId: institution.id,
        targetType: "certificate",
        targetId: created.id,
        data: { kind: input.kind, serialNumber: cert.serialNumber, notAfter: cert.notAfter.toISOString() },
      },
    };
  });
}
