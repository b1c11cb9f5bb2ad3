// The last step of offboarding: after the retention period, with the records exported, an Opus
// admin confirms destruction. Environments never provisioned are closed at once; provisioned ones
// are destroyed by the provisioner, and the tenant becomes OFFBOARDED when the last one is gone.
import { AppError } from "../../errors/app-error.ts";
import { auditEntry } from "../audit/audit-entry.ts";
import type { DomainContext } from "../domain-context.ts";
import { enqueueOperation } from "../environments/enqueue-operation.ts";
import { moveEnvironment, moveTenantEnvironments } from "../environments/environment-lifecycle.ts";
import { refreshInstitutionStatus } from "../institutions/refresh-institution-status.ts";

export async function confirmDestruction(ctx: DomainContext, input: { institutionId: string }) {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const i = await tx.institution.findUnique({
      where: { id: input.institutionId },
      select: { id: true, status: true, deploymentMode: true, retentionUntil: true, exportedAt: true, destroyedAt: true },
    });
    if (!i) throw new AppError("NOT_FOUND", "Institution not found.");
    if (i.status !== "OFFBOARDING") throw new AppError("INVALID_TRANSITION", "Only an institution being offboarded can be destroyed.");
    if (i.destroyedAt) throw new AppError("CONFLICT", "Destruction was already confirmed.");
    if (!i.exportedAt) throw new AppError("PRECONDITION_FAILED", "Export the institution's records before destroying its data.");
    if (i.retentionUntil && i.retentionUntil > now) {
      throw new AppError(
        "PRECONDITION_FAILED",
        `The retention period runs until ${i.retentionUntil.toISOString().slice(0, 10)}; data cannot be destroyed before that.`,
      );
    }
    // Compare-and-set: of concurrent confirmations exactly one records itself and queues the teardown.
    const confirmed = await tx.institution.updateMany({
      where: { id: i.id, status: "OFFBOARDING", destroyedAt: null },
      data: { destroyedAt: now, destroyedById: ctx.actor.userId },
    });
    if (confirmed.count !== 1) throw new AppError("CONFLICT", "Someone else confirmed the destruction at the same moment.");
    // Never provisioned: nothing to tear down, so they close at once.
    await moveTenantEnvironments(tx, ctx.log, { institutionId: i.id, from: "PENDING", to: "DESTROYED" });
    await tx.auditEvent.create({
      data: auditEntry(ctx, {
        action: "institution.destruction_confirmed",
        institutionId: i.id,
        targetType: "institution",
        targetId: i.id,
      }),
    });
    // Opus tears down what it provisioned; a self-managed installation is the customer's to remove.
    const remaining = await tx.environment.findMany({
      where: { institutionId: i.id, status: { not: "DESTROYED" } },
      select: { id: true, status: true },
    });
    const toDestroy = i.deploymentMode === "SELF_MANAGED" ? [] : remaining;
    if (i.deploymentMode === "SELF_MANAGED") {
      // Opus never provisioned these, so each is closed as it stands; the state machine refuses
      // (and this rolls back) one that claims to be running, instead of hiding it as destroyed.
      for (const environment of remaining) {
        await moveEnvironment(tx, ctx.log, { id: environment.id, from: environment.status, to: "DESTROYED" });
      }
    }
    for (const environment of toDestroy) {
      await enqueueOperation(
        tx,
        { source: ctx, now },
        { environmentId: environment.id, kind: "DESTROY", idempotencyKey: `offboard:${environment.id}`, requestedById: ctx.actor.userId },
      );
    }
    const derived = await refreshInstitutionStatus(tx, i.id, ctx, now);
    return { id: i.id, status: derived.status, environmentsToDestroy: toDestroy.map((e) => e.id) };
  });
}
