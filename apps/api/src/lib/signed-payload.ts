// A JSON payload and its Ed25519 signature, as the control plane hands operations to agents. The
// signature is over the exact payload text (never re-serialized JSON), with a purpose prefix so a
// signature made for one use cannot be presented as another.
import { type AuditSigner, verifySignature } from "./audit-signer.ts";

export type SignedPayload = { payload: string; signature: string };

const PREFIX = "opus-agent-payload:v1:";

export function signPayload(signer: AuditSigner, value: unknown): SignedPayload {
  const payload = JSON.stringify(value);
  return { payload, signature: signer.sign(PREFIX + payload) };
}

/** The parsed payload, or null when the signature is not the given key's over exactly this text. */
export function openSignedPayload(signed: SignedPayload, publicKeyBase64: string): unknown {
  if (!verifySignature(PREFIX + signed.payload, signed.signature, publicKeyBase64)) return null;
  try {
    return JSON.parse(signed.payload);
  } catch {
    return null;
  }
}
