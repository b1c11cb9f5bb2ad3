// Sign-in is better-auth's job: password hashing, httpOnly session cookies, TOTP two-factor.
// Accounts are never self-created through better-auth (sign-up is disabled): people arrive through
// invitations (see domain/members/accept-invitation.ts), which create the user server-side.
import type { Db } from "@opus/db/client";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { twoFactor } from "better-auth/plugins";
import type { RateLimits } from "../lib/rate-limits.ts";
import { auditAuthEvents } from "./audit-auth-events.ts";
import { limitAuthAttempts } from "./limit-auth-attempts.ts";

export type AuthOptions = {
  db: Db;
  secret: string;
  /** The console's public URL: cookies and CSRF origin checks are bound to it. */
  publicUrl: string;
  /** Shared by every replica (better-auth's own limiter counts per process, so it is off). */
  rateLimits: RateLimits;
};

export function createAuth(options: AuthOptions) {
  return betterAuth({
    appName: "Opus Open Finance",
    secret: options.secret,
    baseURL: options.publicUrl,
    basePath: "/api/auth",
    trustedOrigins: [options.publicUrl],
    database: prismaAdapter(options.db, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        staffRole: { type: "string", required: false, input: false },
        locale: { type: "string", required: false, input: false },
      },
    },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    rateLimit: { enabled: false },
    hooks: { before: limitAuthAttempts(options.rateLimits), after: auditAuthEvents(options.db) },
    plugins: [
      twoFactor({
        issuer: "Opus Open Finance",
        backupCodeOptions: { storeBackupCodes: "encrypted" },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
