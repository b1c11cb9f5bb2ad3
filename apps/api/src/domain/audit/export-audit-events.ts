// A date range of the audit trail as JSON lines that an outside party can re-verify without our
// code (scripts/verify-audit-export.mjs is such a verifier): a header, one line per event with its
// canonical document and hash, then the signed checkpoints that fall in the range.
import { canonicalAuditEvent, canonicalJson } from "@opus/db/audit-chain";
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import { BILLING_TIME_ZONE, dayStart } from "../usage/sao-paulo-time.ts";

/** One download stays a reasonable size; a longer period is several exports, each verifiable. */
export const MAX_EXPORT_EVENTS = 100_000;
const BATCH = 1000;

/** The shape of the API's other downloads (the console saves it with downloadFile). */
export type AuditExport = { filename: string; contentType: string; base64: string; lines: number };

/** `from` and `to` are São Paulo days, both included. */
export async function exportAuditEvents(ctx: DomainContext, input: { from: string; to: string }): Promise<AuditExport> {
  if (input.to < input.from) throw new AppError("BAD_INPUT", "The end date is before the start date.");
  const start = dayStart(input.from);
  const endExclusive = dayStart(nextDay(input.to));
  const where = { createdAt: { gte: start, lt: endExclusive }, hash: { not: null } };
  const count = await ctx.db.auditEvent.count({ where });
  if (count > MAX_EXPORT_EVENTS) {
    throw new AppError("BAD_INPUT", `That period holds ${count} events; export at most ${MAX_EXPORT_EVENTS} at a time (a shorter period).`);
  }
  const head = await ctx.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
  const lines: string[] = [];
  let after = -1n;
  let first: bigint | null = null;
  let last: bigint | null = null;
  for (;;) {
    // Chain order, not time order: positions are what the links follow.
    const rows = await ctx.db.auditEvent.findMany({ where: { ...where, seq: { gt: after } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const row of rows) {
      const event = canonicalAuditEvent({ ...row, prevHash: row.prevHash ?? "" });
      lines.push(canonicalJson({ event, hash: row.hash }));
      first ??= row.seq;
      last = row.seq;
      after = row.seq;
    }
    if (rows.length < BATCH) break;
  }
  const checkpoints =
    first === null || last === null
      ? []
      : await ctx.db.auditCheckpoint.findMany({ where: { seq: { gte: first, lte: last } }, orderBy: { seq: "asc" } });
  const header = {
    export: {
      format: "opus-audit-export/v1",
      from: input.from,
      to: input.to,
      timeZone: BILLING_TIME_ZONE,
      events: lines.length,
      firstSeq: first?.toString() ?? null,
      lastSeq: last?.toString() ?? null,
      chainLength: head.seq.toString(),
      publicKey: ctx.ports.auditSigner.publicKey,
      // Keys of earlier checkpoints, after a rotation: each checkpoint line names the key that signed it.
      retiredPublicKeys: ctx.ports.auditSigner.trustedPublicKeys.slice(1),
      exportedAt: ctx.clock.now().toISOString(),
      hashing:
        "sha256 over the canonical JSON of `event` (keys sorted at every depth, no whitespace); event.prevHash is the previous event's hash",
      signing: "Ed25519 over opus-audit-checkpoint:v1:<seq>:<headHash>, raw 32-byte public key in base64",
    },
  };
  const checkpointLines = checkpoints.map((c) =>
    canonicalJson({ checkpoint: { seq: c.seq.toString(), headHash: c.headHash, signature: c.signature, publicKey: c.publicKey } }),
  );
  const content = `${[canonicalJson(header), ...lines, ...checkpointLines].join("\n")}\n`;
  return {
    filename: `opus-audit-${input.from}_${input.to}.jsonl`,
    contentType: "application/x-ndjson",
    base64: Buffer.from(content, "utf8").toString("base64"),
    lines: lines.length,
  };
}

/** The calendar day after `day` (noon UTC is the same calendar day in São Paulo). */
function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
