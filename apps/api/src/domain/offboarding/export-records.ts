// Everything the control plane holds about a tenant, as one JSON document, offered before its data
// is destroyed. Secrets (cluster credentials, password hashes) are never part of it.
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { presentFailure } from "../environments/operation-select.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

export async function exportRecords(ctx: DomainContext, input: { institutionId: string }) {
  const db = scopedDb(ctx, input.institutionId);
  const institution = await db.institution.findUnique({
    where: { id: input.institutionId },
    include: {
      plan: { select: { code: true, name: true } },
      brands: true,
      contacts: true,
      managedAccount: { select: { cloudProvider: true, accountRef: true, region: true, clusterName: true, clusterEndpoint: true } },
      environments: {
        include: {
          operations: { select: { id: true, kind: true, status: true, error: true, summary: true, createdAt: true, finishedAt: true } },
        },
      },
      certificates: {
        select: {
          kind: true,
          subject: true,
          issuer: true,
          serialNumber: true,
          fingerprintSha256: true,
          notBefore: true,
          notAfter: true,
          pem: true,
        },
      },
      memberships: { select: { role: true, createdAt: true, user: { select: { name: true, email: true } } } },
    },
  });
  if (!institution) throw new AppError("NOT_FOUND", "Institution not found.");
  // The trail has no relation to the institution (it outlives it); its position and hash let the
  // recipient match each event to the chain.
  const auditEvents = await db.auditEvent.findMany({
    orderBy: { seq: "asc" },
    select: { action: true, actorEmail: true, data: true, ip: true, createdAt: true, seq: true, hash: true },
  });
  const exportedAt = ctx.clock.now();
  return audited(ctx, db, async (tx) => {
    await tx.institution.update({ where: { id: institution.id }, data: { exportedAt } });
    return {
      result: {
        format: "opus-tenant-export/v1",
        exportedAt,
        institution: {
          ...institution,
          // A customer's copy words failures as their console does: the engine's text is Opus staff's.
          environments: institution.environments.map((environment) => ({
            ...environment,
            operations: environment.operations.map((op) => ({ ...op, ...presentFailure(ctx.actor, op.error) })),
          })),
          auditEvents: auditEvents.map((e) => ({ ...e, seq: e.seq.toString() })),
        },
      },
      audit: { action: "institution.exported", institutionId: institution.id, targetType: "institution", targetId: institution.id },
    };
  });
}
