// Every mutation writes one audit event in the same transaction as the change it records.
import type { Prisma } from "@opus/db/client";

export type AuditInput = {
  action: string;
  institutionId?: string | null;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
};

/** Who acted and from where: a signed-in person, or null for the system (worker, scheduler). */
export type AuditSource = {
  actor: { userId: string; email: string } | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export function auditEntry(ctx: AuditSource, input: AuditInput) {
  return {
    actorId: ctx.actor?.userId ?? null,
    actorEmail: ctx.actor?.email ?? null,
    action: input.action,
    institutionId: input.institutionId ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    data: input.data ?? undefined,
    ip: ctx.ip,
    userAgent: ctx.userAgent?.slice(0, 512) ?? null,
    requestId: ctx.requestId,
  } satisfies Prisma.AuditEventUncheckedCreateInput;
}
