// Shared by the tests that count what identity costs a request (session-identity, session-read-cache).
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { expect } from "vitest";
import { HttpSession } from "./http-client.ts";
import { totpForRawSecret } from "./totp.ts";

/** A demo account signed in over HTTP (TOTP too, for staff), checked with one me.get. */
export async function signedInSession(base: string, origin: string, email: string): Promise<HttpSession> {
  const s = new HttpSession(base, origin);
  await s.postJson("/api/auth/sign-in/email", { email, password: DEMO_PASSWORD });
  const totpSecret = DEMO_ACCOUNTS.find((a) => a.email === email)?.totpSecret;
  if (totpSecret) await s.postJson("/api/auth/two-factor/verify-totp", { code: totpForRawSecret(totpSecret) });
  expect((await s.query("me.get")).status).toBe(200);
  return s;
}

/** Of the statements a request sent, those that read who the caller is (session, user, memberships). */
export function identityStatements(statements: string[]): string[] {
  return statements.filter((sql) => /\b(FROM|JOIN)\s+"?(session|user)"?\b/i.test(sql));
}

/** The raw session token behind a session's signed cookie. */
export function sessionTokenOf(s: HttpSession): string {
  const cookie = decodeURIComponent(s.cookieHeader().match(/better-auth\.session_token=([^;]+)/)?.[1] ?? "");
  return cookie.slice(0, cookie.lastIndexOf("."));
}
