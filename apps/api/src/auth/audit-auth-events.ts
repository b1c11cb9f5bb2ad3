// Sign-in, failed sign-in and two-factor steps are audit events like any change: better-auth's
// after-hook sees each endpoint's outcome (its result, or the APIError it ended with) and records
// one event in the chain. The hook runs before the response is sent: an event that cannot be
// recorded fails the request rather than letting a sign-in go unrecorded.
import type { Db } from "@opus/db/client";
import type { AuditAction } from "@opus/rules/audit-actions";
import { createAuthMiddleware } from "better-auth/api";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { authRequestOrigin } from "./auth-request.ts";

type Person = { id: string; email: string };

const isFailure = (returned: unknown) =>
  returned instanceof Error || (typeof returned === "object" && returned !== null && "statusCode" in returned && "status" in returned);

/** Which event an auth endpoint's outcome is, or null for endpoints the trail does not need (session reads). */
function eventOf(path: string, failed: boolean, returned: unknown): AuditAction | null {
  switch (path) {
    case "/sign-in/email":
      if (failed) return "auth.sign_in_failed";
      // The two-factor plugin's own after-hook (it runs after ours) turns the session of a user
      // with two-factor on into a TOTP challenge: the password step alone signs nobody in.
      return (returned as { user?: { twoFactorEnabled?: boolean } } | null)?.user?.twoFactorEnabled
        ? "auth.two_factor_required"
        : "auth.signed_in";
    case "/two-factor/verify-totp":
    case "/two-factor/verify-otp":
      return failed ? "auth.two_factor_failed" : "auth.two_factor_passed";
    // A backup code is spent by signing in with it (better-auth removes it from the set).
    case "/two-factor/verify-backup-code":
      return failed ? "auth.two_factor_failed" : "auth.backup_code_used";
    // Enrolment also hands out the first set of backup codes (shown once).
    case "/two-factor/enable":
      return failed ? null : "auth.two_factor_enabled";
    // A new set replaces the old one, whose codes stop working.
    case "/two-factor/generate-backup-codes":
      return failed ? null : "auth.backup_codes_regenerated";
    case "/two-factor/disable":
      return failed ? null : "auth.two_factor_disabled";
    default:
      return null;
  }
}

export function auditAuthEvents(db: Db) {
  return createAuthMiddleware(async (ctx) => {
    const returned: unknown = ctx.context.returned;
    const failed = isFailure(returned);
    const action = eventOf(ctx.path, failed, returned);
    if (!action) return;
    const person: Person | undefined = ctx.context.newSession?.user ?? ctx.context.session?.user;
    const typed = typeof ctx.body?.email === "string" ? String(ctx.body.email).slice(0, 254) : undefined;
    const origin = authRequestOrigin();
    await db.$transaction((tx) =>
      recordAudit(
        tx,
        { ...origin, actor: person ? { userId: person.id, email: person.email } : null },
        {
          action,
          targetType: "user",
          ...(person ? { targetId: person.id } : {}),
          // The address typed, for attempts that identify nobody yet (never the password).
          ...(typed && !person ? { data: { email: typed } } : {}),
        },
      ),
    );
  });
}
