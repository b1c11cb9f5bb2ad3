// Reads a cookie signed the way better-auth signs its session token (better-call's signed cookies:
// `<value>.<base64 HMAC-SHA256(secret, value)>`, URL-encoded), synchronously with node:crypto.
// better-auth verifies the same signature through Web Crypto on every call; doing it here lets a
// warm request skip better-auth's endpoint machinery (see resolve-session.ts). The sign-in tests
// fail if better-auth ever changes the format, because every signed-in call depends on this.
import { createHmac, timingSafeEqual } from "node:crypto";

/** The cookie's signed value, or null when it is absent, malformed or its signature does not match. */
export function readSignedCookie(cookieHeader: string | undefined, name: string, secret: string): string | null {
  const raw = cookieValue(cookieHeader, name);
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const signed = value.slice(0, dot);
  const given = Buffer.from(value.slice(dot + 1), "base64");
  const expected = createHmac("sha256", secret).update(signed).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) ? signed : null;
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
