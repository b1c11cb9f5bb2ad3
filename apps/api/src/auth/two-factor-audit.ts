// Backup codes are better-auth's (two-factor plugin: issued with enrolment, each consumed once by a
// compare-and-set on the stored set, regenerated with the password). What the control plane adds
// is the audit trail: an after-hook on those endpoints records one event per success through
// recordAudit, the one writer of audit events. A refused code records nothing (nothing changed).
import type { Db } from "@opus/db/client";
import type { AuditAction } from "@opus/rules/audit-actions";
import { createAuthMiddleware } from "better-auth/api";
import { recordAudit } from "../domain/audit/record-audit.ts";

const AUDITED: Record<string, AuditAction> = {
  /** Enrolment hands out the TOTP secret and the first set of backup codes (shown once). */
  "/two-factor/enable": "user.backup_codes_issued",
  "/two-factor/generate-backup-codes": "user.backup_codes_regenerated",
  "/two-factor/verify-backup-code": "user.backup_code_used",
};

type User = { id: string; email: string };

export function twoFactorAuditHook(db: Db) {
  return createAuthMiddleware(async (ctx) => {
    const action = AUDITED[ctx.path];
    if (!action) return;
    const returned = ctx.context.returned as { statusCode?: unknown } | undefined;
    if (returned === undefined || returned instanceof Error || typeof returned?.statusCode === "number") return;
    // Enable and regenerate run with a session; a backup-code sign-in creates one.
    const user = (ctx.context.newSession?.user ?? ctx.context.session?.user) as User | undefined;
    if (!user) return;
    const headers = ctx.headers;
    await db.$transaction((tx) =>
      recordAudit(
        tx,
        {
          actor: { userId: user.id, email: user.email },
          ip: headers?.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
          userAgent: headers?.get("user-agent") ?? null,
          requestId: headers?.get("x-request-id") ?? null,
        },
        { action, targetType: "user", targetId: user.id },
      ),
    );
  });
}
