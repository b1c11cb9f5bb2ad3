// What the agent checks before it believes anything the control plane hands it: the signature of
// the control plane's operation key over the exact text, the purpose, that it is fresh and never
// seen before (a replay is refused), and that it is for this agent's institution.
import type { z } from "zod";
import { openSignedPayload, type SignedPayload } from "../lib/signed-payload.ts";
import type { SeenNonces } from "./seen-nonces.ts";

export class RefusedPayload extends Error {}

export type PayloadChecks = {
  publicKey: string;
  institutionId: string;
  maxAgeMs: number;
  nonces: SeenNonces;
  now: () => Date;
};

/** Clocks differ a little; a payload from further in the future than this is not believed. */
const SKEW_MS = 30_000;

export function verifyPayload<T extends { nonce: string; issuedAt: string; institutionId: string }>(
  checks: PayloadChecks,
  signed: SignedPayload,
  schema: z.ZodType<T>,
): T {
  const opened = openSignedPayload(signed, checks.publicKey);
  if (opened === null) throw new RefusedPayload("the signature is not the control plane's");
  const parsed = schema.safeParse(opened);
  if (!parsed.success) throw new RefusedPayload(`the payload is not what was expected (${parsed.error.issues[0]?.message ?? "invalid"})`);
  const value = parsed.data;
  if (value.institutionId !== checks.institutionId)
    throw new RefusedPayload(`it is for institution ${value.institutionId}, not this agent's`);
  const issuedAt = new Date(value.issuedAt);
  const age = checks.now().getTime() - issuedAt.getTime();
  if (age > checks.maxAgeMs) throw new RefusedPayload(`it was issued ${Math.round(age / 1000)} s ago: too old to be trusted`);
  if (age < -SKEW_MS) throw new RefusedPayload("it was issued in the future");
  if (!checks.nonces.firstSight(value.nonce, issuedAt)) throw new RefusedPayload("its nonce was seen before: a replay");
  return value;
}
