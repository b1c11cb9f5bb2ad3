// The credentials envelope: the API's key seals and cannot open; the worker's opens; any change to
// any part of an envelope is refused; older keys and the first scheme keep opening while rotating.
import { createCipheriv, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  createCredentialsOpener,
  createCredentialsSealer,
  credentialsPublicKeyOf,
  generateCredentialsKeyPair,
} from "../../../src/lib/credentials-envelope.ts";

const KUBECONFIG = "apiVersion: v1\nkind: Config\nusers:\n- name: opus\n  user: { token: s3cr3t-token }\n";

/** An envelope of the first scheme (AES-256-GCM under the symmetric key both processes used to hold). */
function sealV1(keyBase64: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", Buffer.from(keyBase64, "base64"), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
}

describe("credentials envelope", () => {
  const worker = generateCredentialsKeyPair();
  const api = createCredentialsSealer(worker.publicKey);
  const opener = createCredentialsOpener({ privateKeys: [worker.privateKey] });

  it("the worker opens what the API sealed; the API's side has no way to open it", () => {
    const sealed = api.encrypt(KUBECONFIG);
    expect(sealed).not.toContain("s3cr3t");
    expect(opener.decrypt(sealed)).toBe(KUBECONFIG);
    expect(Object.keys(api)).toEqual(["encrypt"]);
    // Every envelope is different, even of the same text (a fresh ephemeral key and IV each time).
    expect(api.encrypt(KUBECONFIG)).not.toBe(sealed);
  });

  it("another worker's key cannot open it, and says which key it needs", () => {
    const stranger = createCredentialsOpener({ privateKeys: [generateCredentialsKeyPair().privateKey] });
    expect(() => stranger.decrypt(api.encrypt(KUBECONFIG))).toThrow(/sealed under key [0-9a-f]{16}, which this worker does not hold/);
  });

  it("refuses an envelope with any one part changed", () => {
    const parts = api.encrypt(KUBECONFIG).split(".");
    const other = api.encrypt("something else").split(".");
    for (let i = 2; i < parts.length; i++) {
      const swapped = [...parts];
      swapped[i] = other[i] ?? "";
      expect(() => opener.decrypt(swapped.join(".")), `part ${i}`).toThrow();
    }
    expect(() => opener.decrypt(parts.slice(0, 5).join("."))).toThrow("malformed credentials envelope");
    expect(() => opener.decrypt(`v9.${parts.slice(1).join(".")}`)).toThrow("unrecognised credentials envelope");
  });

  it("keeps opening envelopes of an older key and of the first scheme while they are rotated", () => {
    const legacyKey = randomBytes(32).toString("base64");
    const next = generateCredentialsKeyPair();
    const rotating = createCredentialsOpener({ privateKeys: [next.privateKey, worker.privateKey], legacyKey });
    const old = api.encrypt(KUBECONFIG);
    const legacy = sealV1(legacyKey, KUBECONFIG);
    expect(rotating.decrypt(old)).toBe(KUBECONFIG);
    expect(rotating.decrypt(legacy)).toBe(KUBECONFIG);
    expect([rotating.isCurrent(old), rotating.isCurrent(legacy)]).toEqual([false, false]);
    const resealed = rotating.encrypt(rotating.decrypt(old));
    expect(rotating.isCurrent(resealed)).toBe(true);
    // After rotation the old key can go: the new envelope needs only the current key.
    expect(createCredentialsOpener({ privateKeys: [next.privateKey] }).decrypt(resealed)).toBe(KUBECONFIG);
    expect(() => createCredentialsOpener({ privateKeys: [next.privateKey] }).decrypt(legacy)).toThrow(/CREDENTIALS_KEY/);
  });

  it("derives the public key from the private one, and refuses keys of the wrong size", () => {
    expect(credentialsPublicKeyOf(worker.privateKey)).toBe(worker.publicKey);
    expect(() => createCredentialsSealer("c2hvcnQ=")).toThrow("CREDENTIALS_PUBLIC_KEY must be base64 of exactly 32 bytes");
    expect(() => createCredentialsOpener({ privateKeys: [] })).toThrow("at least one");
  });
});
