import type { DomainContext } from "../domain-context.ts";
import { expiryWarning } from "../institutions/certificate.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

export async function listCertificates(ctx: DomainContext, input: { institutionId: string }) {
  const now = ctx.clock.now();
  const rows = await scopedDb(ctx, input.institutionId).certificate.findMany({
    orderBy: [{ notAfter: "asc" }],
    select: {
      id: true,
      kind: true,
      subject: true,
      issuer: true,
      serialNumber: true,
      fingerprintSha256: true,
      notBefore: true,
      notAfter: true,
      createdAt: true,
    },
  });
  return rows.map((c) => ({ ...c, warning: expiryWarning(c.notAfter, now) }));
}
