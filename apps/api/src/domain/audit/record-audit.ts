// The only place the API writes an audit event. Person-made changes reach it through `audited`, which
// runs the change and its event in one transaction; the worker calls it for how a run ended.
import { appendAuditEvent } from "@opus/db/audit-chain";
import type { Prisma } from "@opus/db/client";
import type { AuditAction } from "@opus/rules/audit-actions";

export type AuditInput = {
  action: AuditAction;
  institutionId?: string | null;
  targetType?: string;
  targetId?: string;
  data?: Prisma.InputJsonValue;
  /** Who acted, when only the change itself knows (someone accepting an invitation becomes a user in it). */
  actor?: { userId: string; email: string };
};

/** Who acted and from where: a signed-in person, or null for the system (worker, scheduler). */
export type AuditSource = {
  actor: { userId: string; email: string } | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

export async function recordAudit(
  tx: Prisma.TransactionClient,
  source: AuditSource,
  input: AuditInput,
): Promise<{ id: string; seq: bigint }> {
  // Numbered, timed and hash-linked to the previous event by the chain (packages/db/src/audit-chain.ts).
  return appendAuditEvent(tx, {
    actorId: (input.actor ?? source.actor)?.userId ?? null,
    actorEmail: (input.actor ?? source.actor)?.email ?? null,
    action: input.action,
    institutionId: input.institutionId ?? null,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    data: input.data ?? null,
    ip: source.ip,
    userAgent: source.userAgent?.slice(0, 512) ?? null,
    requestId: source.requestId,
  });
}
