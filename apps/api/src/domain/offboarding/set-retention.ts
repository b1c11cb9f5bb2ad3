import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";

/** Opus decides how long a tenant's data outlives its offboarding. */
export async function setRetention(ctx: DomainContext, input: { institutionId: string; retentionDays: number }) {
  return ctx.db.$transaction(async (tx) => {
    const i = await tx.institution.findUnique({
      where: { id: input.institutionId },
      select: { id: true, offboardingStartedAt: true, destroyedAt: true, retentionDays: true },
    });
    if (!i) throw new AppError("NOT_FOUND", "Institution not found.");
    if (i.destroyedAt) throw new AppError("INVALID_TRANSITION", "The data was already destroyed.");
    const retentionUntil = i.offboardingStartedAt ? new Date(i.offboardingStartedAt.getTime() + input.retentionDays * 86_400_000) : null;
    // Only while the data exists: a destruction confirmed meanwhile makes this a CONFLICT.
    const set = await tx.institution.updateMany({
      where: { id: i.id, destroyedAt: null, offboardingStartedAt: i.offboardingStartedAt },
      data: { retentionDays: input.retentionDays, retentionUntil },
    });
    if (set.count !== 1)
      throw new AppError("CONFLICT", "The institution's offboarding changed at the same moment; reload it and try again.");
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "institution.retention_set",
        institutionId: i.id,
        targetType: "institution",
        targetId: i.id,
        data: { from: i.retentionDays, to: input.retentionDays },
      }),
    });
    return { id: i.id, retentionDays: input.retentionDays, retentionUntil };
  });
}
