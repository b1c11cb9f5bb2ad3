import { CERTIFICATE_KINDS } from "@opus/rules/enums";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { z } from "zod";
import { listCertificates } from "../../domain/certificates/list-certificates.ts";
import { removeCertificate } from "../../domain/certificates/remove-certificate.ts";
import { uploadCertificate } from "../../domain/certificates/upload-certificate.ts";
import { protectedProcedure, router } from "../init.ts";
import { zId, zInstitutionScope } from "../schemas.ts";

export const certificatesRouter = router({
  find: protectedProcedure("certificates.read")
    .input(z.strictObject(zInstitutionScope))
    .query(({ ctx, input }) => listCertificates(ctx, input)),
  upload: protectedProcedure("certificates.manage")
    .input(
      z.strictObject({
        ...zInstitutionScope,
        kind: z.enum(CERTIFICATE_KINDS),
        pem: z.string().min(1, "paste the certificate").max(TEXT_LIMITS.certificatePem, "is too long for one certificate"),
      }),
    )
    .mutation(({ ctx, input }) => uploadCertificate(ctx, input)),
  remove: protectedProcedure("certificates.manage")
    .input(z.strictObject({ ...zInstitutionScope, certificateId: zId }))
    .mutation(({ ctx, input }) => removeCertificate(ctx, input)),
});
