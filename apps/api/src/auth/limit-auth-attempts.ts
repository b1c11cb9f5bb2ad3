// Sign-in and two-factor attempts are limited per address and per account (or pending sign-in),
// through the rate limits every replica shares. better-auth's before-hook refuses an attempt over
// the limit with a 429, Retry-After and a sentence, before any password or code is checked.
import { createHash } from "node:crypto";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { type RateLimits, type RateRuleName, tooManyMessage } from "../lib/rate-limits.ts";
import { authRequestOrigin } from "./auth-request.ts";

const TWO_FACTOR_PATHS = new Set(["/two-factor/verify-totp", "/two-factor/verify-backup-code", "/two-factor/verify-otp"]);

/** The pending sign-in a two-factor attempt belongs to: better-auth's two-factor cookie, hashed. */
function challengeOf(cookie: string | null | undefined): string | null {
  const match = /(?:^|;\s*)(?:__Secure-)?better-auth\.two_factor=([^;]+)/.exec(cookie ?? "");
  return match?.[1] ? createHash("sha256").update(match[1]).digest("hex").slice(0, 32) : null;
}

export function limitAuthAttempts(limits: RateLimits) {
  return createAuthMiddleware(async (ctx) => {
    const ip = authRequestOrigin().ip ?? "unknown";
    const checks: [RateRuleName, string, string][] = [];
    if (ctx.path === "/sign-in/email") {
      checks.push(["signInPerIp", ip, "sign-in attempts from this address"]);
      const email = typeof ctx.body?.email === "string" ? ctx.body.email.trim().toLowerCase() : "";
      if (email) checks.push(["signInPerAccount", email, "sign-in attempts for this account"]);
    } else if (TWO_FACTOR_PATHS.has(ctx.path)) {
      checks.push(["twoFactorPerIp", ip, "two-factor attempts from this address"]);
      const challenge = challengeOf(ctx.headers?.get("cookie"));
      if (challenge) checks.push(["twoFactorPerChallenge", challenge, "two-factor attempts for this sign-in"]);
    } else return;
    for (const [rule, key, what] of checks) {
      const wait = await limits.take(rule, key);
      if (wait !== null) {
        throw new APIError(
          "TOO_MANY_REQUESTS",
          { message: tooManyMessage(what, wait), code: "RATE_LIMITED" },
          { "retry-after": String(wait) },
        );
      }
    }
  });
}
