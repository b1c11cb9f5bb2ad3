// Ed25519 signatures over the audit chain's checkpoints (node:crypto, no dependency). The key is a
// 32-byte seed (AUDIT_SIGNING_KEY); the public key travels with every checkpoint and export, and a
// verifier trusts a checkpoint only when it was signed by a key it was configured with: the current
// one or, after a rotation, a retired one (AUDIT_RETIRED_PUBLIC_KEYS).
import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from "node:crypto";

// DER header of a PKCS#8 Ed25519 private key: the 32-byte seed follows it.
const PKCS8_ED25519_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");
// DER header of an SPKI Ed25519 public key: the 32-byte key follows it.
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");

export type AuditSigner = {
  /** base64 of the raw 32-byte public key. */
  publicKey: string;
  /** The keys whose checkpoints verify: this one first, then retired ones (rotation). */
  trustedPublicKeys: readonly string[];
  sign(message: string): string;
};

/** A short name for a public key, as reports show it: the first 16 hex digits of its SHA-256. */
export function auditKeyId(publicKeyBase64: string): string {
  return createHash("sha256").update(Buffer.from(publicKeyBase64, "base64")).digest("hex").slice(0, 16);
}

export function createAuditSigner(seedBase64: string, retiredPublicKeys: readonly string[] = []): AuditSigner {
  const seed = Buffer.from(seedBase64, "base64");
  if (seed.length !== 32) throw new Error("AUDIT_SIGNING_KEY must be base64 of exactly 32 bytes");
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]), format: "der", type: "pkcs8" });
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  const publicKey = spki.subarray(SPKI_ED25519_PREFIX.length).toString("base64");
  return {
    publicKey,
    trustedPublicKeys: [publicKey, ...retiredPublicKeys.filter((key) => key !== publicKey)],
    sign: (message) => sign(null, Buffer.from(message, "utf8"), privateKey).toString("base64"),
  };
}

function publicKeyFromRaw(rawBase64: string): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(rawBase64, "base64")]), format: "der", type: "spki" });
}

export function verifySignature(message: string, signatureBase64: string, publicKeyBase64: string): boolean {
  try {
    return verify(null, Buffer.from(message, "utf8"), publicKeyFromRaw(publicKeyBase64), Buffer.from(signatureBase64, "base64"));
  } catch {
    return false; // a malformed key or signature is simply not a valid signature
  }
}

/** What a checkpoint signs: the chain's length and its head hash. */
export function checkpointMessage(seq: bigint | string, headHash: string): string {
  return `opus-audit-checkpoint:v1:${seq.toString()}:${headHash}`;
}
