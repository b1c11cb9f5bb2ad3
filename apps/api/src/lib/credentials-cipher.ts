// Encrypts secrets the control plane must keep (managed clusters' kubeconfigs) with AES-256-GCM.
// Format: v1.<iv b64>.<tag b64>.<ciphertext b64>. Only the worker decrypts.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

export type CredentialsCipher = { encrypt(plain: string): string; decrypt(sealed: string): string };

export function createCredentialsCipher(keyBase64: string): CredentialsCipher {
  const key = Buffer.from(keyBase64, "base64");
  if (key.length !== 32) throw new Error("credentials key must be 32 bytes");
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv.toString("base64"), cipher.getAuthTag().toString("base64"), body.toString("base64")].join(".");
    },
    decrypt(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || !body) throw new Error("unrecognised credentials envelope");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64"));
      decipher.setAuthTag(Buffer.from(tag, "base64"));
      return Buffer.concat([decipher.update(Buffer.from(body, "base64")), decipher.final()]).toString("utf8");
    },
  };
}
