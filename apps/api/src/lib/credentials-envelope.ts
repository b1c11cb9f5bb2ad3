// Managed clusters' credentials (kubeconfig, database and queue admin passwords) are sealed by the
// API and opened only by the worker: the API holds a public key, the worker the private keys. So a
// compromised API replica, or anyone with the API's settings, cannot read a single credential.
//
// Scheme (ECIES over X25519): for every secret an ephemeral X25519 key pair, ECDH with the
// worker's public key, HKDF-SHA256 to a one-time AES-256-GCM key; the header (version, key id and
// ephemeral public key) is authenticated data, so no part of the envelope can be swapped.
//   v2.<key id>.<ephemeral public key>.<iv>.<tag>.<ciphertext>   (base64url parts)
// Keys are 32 raw bytes, base64. The key id is the first 8 bytes (hex) of SHA-256 of the public
// key, so the worker knows which of its keys opens an envelope and rotation can tell stale ones.
// Envelopes of the first scheme (v1: AES-256-GCM under the symmetric CREDENTIALS_KEY both processes
// held) still open while the worker is given that key, until rotation has re-sealed them.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  type KeyObject,
  randomBytes,
} from "node:crypto";

/** What the API holds: it can seal, never open. */
export type CredentialsSealer = { encrypt(plain: string): string };

/** What the worker holds: it opens envelopes, and re-seals them under its current key when rotating. */
export type CredentialsOpener = CredentialsSealer & {
  decrypt(sealed: string): string;
  /** True when the envelope is sealed under the current key (rotation leaves it alone). */
  isCurrent(sealed: string): boolean;
};

const INFO = Buffer.from("opus-control-plane credentials v2");
// DER prefixes of an X25519 private key (PKCS#8) and public key (SPKI) around their 32 raw bytes.
const PKCS8_PREFIX = Buffer.from("302e020100300506032b656e04220420", "hex");
const SPKI_PREFIX = Buffer.from("302a300506032b656e032100", "hex");

const b64url = (bytes: Buffer) => bytes.toString("base64url");

function rawKey(base64: string, what: string): Buffer {
  const bytes = Buffer.from(base64, "base64");
  if (bytes.length !== 32) throw new Error(`${what} must be base64 of exactly 32 bytes`);
  return bytes;
}

function privateKeyFrom(raw: Buffer): KeyObject {
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, raw]), format: "der", type: "pkcs8" });
}

function publicKeyFrom(raw: Buffer): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, raw]), format: "der", type: "spki" });
}

function rawPublicKey(key: KeyObject): Buffer {
  return (key.export({ format: "der", type: "spki" }) as Buffer).subarray(SPKI_PREFIX.length);
}

/** The public key (base64) that goes with a private key: what the API is given. */
export function credentialsPublicKeyOf(privateKeyBase64: string): string {
  return rawPublicKey(createPublicKey(privateKeyFrom(rawKey(privateKeyBase64, "a credentials private key")))).toString("base64");
}

/** A new key pair, base64 (for `pnpm credentials:keygen` and tests). */
export function generateCredentialsKeyPair(): { privateKey: string; publicKey: string } {
  const privateKey = randomBytes(32).toString("base64");
  return { privateKey, publicKey: credentialsPublicKeyOf(privateKey) };
}

function keyIdOf(rawPublic: Buffer): string {
  return createHash("sha256").update(rawPublic).digest("hex").slice(0, 16);
}

function derive(shared: Buffer, ephemeral: Buffer, recipient: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", shared, Buffer.concat([ephemeral, recipient]), INFO, 32));
}

export function createCredentialsSealer(publicKeyBase64: string): CredentialsSealer {
  const recipientRaw = rawKey(publicKeyBase64, "CREDENTIALS_PUBLIC_KEY");
  const recipient = publicKeyFrom(recipientRaw);
  const keyId = keyIdOf(recipientRaw);
  return {
    encrypt(plain) {
      const ephemeral = generateKeyPairSync("x25519");
      const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
      const key = derive(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), ephemeralRaw, recipientRaw);
      const iv = randomBytes(12);
      const header = `v2.${keyId}.${b64url(ephemeralRaw)}`;
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      cipher.setAAD(Buffer.from(header));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return [header, b64url(iv), b64url(cipher.getAuthTag()), b64url(body)].join(".");
    },
  };
}

export function createCredentialsOpener(options: {
  /** base64 private keys; the first is current (new envelopes and rotation use it). */
  privateKeys: string[];
  /** The first scheme's symmetric key, while envelopes sealed with it remain. */
  legacyKey?: string | undefined;
}): CredentialsOpener {
  const [current] = options.privateKeys;
  if (!current) throw new Error("the worker needs at least one credentials private key");
  const keys = new Map<string, { privateKey: KeyObject; publicRaw: Buffer }>();
  for (const base64 of options.privateKeys) {
    const privateKey = privateKeyFrom(rawKey(base64, "a credentials private key"));
    const publicRaw = rawPublicKey(createPublicKey(privateKey));
    keys.set(keyIdOf(publicRaw), { privateKey, publicRaw });
  }
  const currentId = keyIdOf(Buffer.from(credentialsPublicKeyOf(current), "base64"));
  const sealer = createCredentialsSealer(credentialsPublicKeyOf(current));
  const legacy = options.legacyKey ? rawKey(options.legacyKey, "CREDENTIALS_KEY") : null;

  function openV2(parts: string[]): string {
    const [version, keyId, ephemeral, iv, tag, body] = parts;
    if (parts.length !== 6 || !keyId || !ephemeral || !iv || !tag || body === undefined) throw new Error("malformed credentials envelope");
    const key = keys.get(keyId);
    if (!key) throw new Error(`credentials sealed under key ${keyId}, which this worker does not hold`);
    const ephemeralRaw = Buffer.from(ephemeral, "base64url");
    const shared = diffieHellman({ privateKey: key.privateKey, publicKey: publicKeyFrom(ephemeralRaw) });
    const decipher = createDecipheriv("aes-256-gcm", derive(shared, ephemeralRaw, key.publicRaw), Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(`${version}.${keyId}.${ephemeral}`));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  }

  function openV1(parts: string[]): string {
    const [, iv, tag, body] = parts;
    if (!legacy) throw new Error("credentials sealed with the old symmetric key, which this worker is not given (CREDENTIALS_KEY)");
    if (parts.length !== 4 || !iv || !tag || body === undefined) throw new Error("malformed credentials envelope");
    const decipher = createDecipheriv("aes-256-gcm", legacy, Buffer.from(iv, "base64"));
    decipher.setAuthTag(Buffer.from(tag, "base64"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
  }

  return {
    encrypt: sealer.encrypt,
    decrypt(sealed) {
      const parts = sealed.split(".");
      if (parts[0] === "v2") return openV2(parts);
      if (parts[0] === "v1") return openV1(parts);
      throw new Error("unrecognised credentials envelope");
    },
    isCurrent(sealed) {
      const parts = sealed.split(".");
      return parts[0] === "v2" && parts[1] === currentId;
    },
  };
}
