import { createHash, randomBytes } from "node:crypto";

/**
 * A machine API key: 256 random bits, shown once, kept only as a SHA-256 hash (a fast hash is enough
 * for a secret this long: there is nothing to guess). Its prefix tells keys apart on screen.
 */
export function newApiKey(): { key: string; prefix: string; keyHash: string } {
  const key = `opus_uk_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 14), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
