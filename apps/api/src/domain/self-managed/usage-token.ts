import { createHash, randomBytes } from "node:crypto";

/** A usage-reporting key: shown once, kept only as a hash; its prefix tells keys apart on screen. */
export function newUsageReportingKey(): { key: string; prefix: string; keyHash: string } {
  const key = `opus_uk_${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, 14), keyHash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
