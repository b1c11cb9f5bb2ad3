// Marks notifications read for the person asking (read is per person, not per institution). Only
// notifications they can see: an institution's through its scope, Opus operations' with fleet.read.
// One unknown or unreachable id refuses the whole call and marks nothing. Marking again is a no-op.
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";

export async function markNotificationsRead(ctx: DomainContext, input: { institutionId?: string | undefined; notificationIds: string[] }) {
  const ids = [...new Set(input.notificationIds)];
  if (input.institutionId === undefined) authorize(ctx.actor, "fleet.read");
  const visible =
    input.institutionId === undefined
      ? await ctx.db.notification.findMany({ where: { id: { in: ids }, institutionId: null }, select: { id: true } })
      : await scopedDb(ctx, input.institutionId).notification.findMany({ where: { id: { in: ids } }, select: { id: true } });
  if (visible.length !== ids.length) throw new AppError("NOT_FOUND", "Notification not found.");
  const userId = ctx.actor.userId;
  return audited(ctx, ctx.db, async (tx) => {
    const { count } = await tx.notificationRead.createMany({
      data: ids.map((notificationId) => ({ notificationId, userId, readAt: ctx.clock.now() })),
      skipDuplicates: true,
    });
    return {
      // The same answer for a repeat: these are read now.
      result: { read: ids },
      // Audited when it marked something: a repeat (or an identical concurrent call) changes nothing.
      audit:
        count === 0
          ? null
          : {
              action: "notification.read",
              targetType: "user",
              targetId: userId,
              ...(input.institutionId ? { institutionId: input.institutionId } : {}),
              data: { count },
            },
    };
  });
}
