#!/usr/bin/env node
// Re-verifies an Opus audit export (JSON lines) as an outside party would: plain Node, no
// dependency, no code shared with the control plane. Checks every event's SHA-256 over its
// canonical JSON, every link to the event before it, positions without gaps, and every signed
// checkpoint (Ed25519) against the public keys given with --public-key (the ones the auditor was
// handed out of band: after a rotation, the current and the retired ones, each checkpoint naming
// the key that signed it; without any, the export's own keys are used and the report says so).
//   node scripts/verify-audit-export.mjs <export.jsonl> [--public-key <base64>]…
// Exit 0 when everything holds, 1 with the first broken line otherwise, 2 on wrong usage.
import { createHash, createPublicKey, verify } from "node:crypto";
import { readFileSync } from "node:fs";

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--public-key");
const givenKeys = args.flatMap((a, i) => (args[i - 1] === "--public-key" ? [a] : []));
if (!file) {
  process.stderr.write("usage: verify-audit-export.mjs <export.jsonl> [--public-key <base64>]…\n");
  process.exit(2);
}

function canonical(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
}

const sha256 = (text) => createHash("sha256").update(text, "utf8").digest("hex");
const SPKI_ED25519_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
function signedBy(message, signature, rawKey) {
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(rawKey, "base64")]), format: "der", type: "spki" });
    return verify(null, Buffer.from(message, "utf8"), key, Buffer.from(signature, "base64"));
  } catch {
    return false;
  }
}

function fail(line, reason) {
  process.stdout.write(`export BROKEN at line ${line}: ${reason}\n`);
  process.exit(1);
}

const lines = readFileSync(file, "utf8")
  .split("\n")
  .filter((l) => l.length > 0);
let header;
try {
  header = JSON.parse(lines[0] ?? "").export;
} catch {
  header = undefined;
}
if (header?.format !== "opus-audit-export/v1") fail(1, "the first line is not an opus-audit-export/v1 header");
const trustedKeys = givenKeys.length > 0 ? givenKeys : [header.publicKey, ...(header.retiredPublicKeys ?? [])];

const hashAt = new Map();
let previous = null;
let events = 0;
let checkpoints = 0;
for (const [index, text] of lines.slice(1).entries()) {
  const n = index + 2;
  let line;
  try {
    line = JSON.parse(text);
  } catch {
    fail(n, "not JSON");
  }
  if (line.event) {
    const { event, hash } = line;
    if (sha256(canonical(event)) !== hash) fail(n, `event ${event.seq} does not match its hash (it was changed)`);
    if (previous) {
      if (BigInt(event.seq) !== BigInt(previous.seq) + 1n) fail(n, `event ${event.seq} follows event ${previous.seq}: events are missing`);
      if (event.prevHash !== previous.hash) fail(n, `event ${event.seq} does not link to event ${previous.seq}`);
    }
    previous = { seq: event.seq, hash };
    hashAt.set(event.seq, hash);
    events += 1;
  } else if (line.checkpoint) {
    const { seq, headHash, signature, publicKey } = line.checkpoint;
    if (!trustedKeys.includes(publicKey) || !signedBy(`opus-audit-checkpoint:v1:${seq}:${headHash}`, signature, publicKey))
      fail(n, `the checkpoint at ${seq} is not signed by the key`);
    if (hashAt.get(seq) !== headHash) fail(n, `event ${seq} differs from what the checkpoint at ${seq} signed`);
    checkpoints += 1;
  } else fail(n, "neither an event nor a checkpoint");
}
if (events !== header.events) fail(1, `the header announces ${header.events} events, the file has ${events}`);
const keyNote =
  givenKeys.length > 0
    ? `the given key${givenKeys.length > 1 ? "s" : ""}`
    : "the export's own key (pass --public-key to check it is Opus')";
process.stdout.write(
  `export OK: ${events} events (${header.firstSeq ?? "-"}…${header.lastSeq ?? "-"}), ${checkpoints} checkpoints signed by ${keyNote}\n`,
);
