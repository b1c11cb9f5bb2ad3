// Checks the whole audit trail: every event's hash over its own content, every link to the event
// before it, numbering without gaps up to the chain head, and every signed checkpoint. Names the
// first broken link, so an investigator knows where the trail stops being trustworthy.
import { auditEventHash, GENESIS_HASH } from "@opus/db/audit-chain";
import { type Db, Prisma } from "@opus/db/client";
import { auditKeyId, checkpointMessage, verifySignature } from "../../lib/audit-signer.ts";

export type BrokenLink = { seq: string; eventId: string | null; reason: string };

export type AuditChainReport = {
  ok: boolean;
  /** Events in the chain (the head's length). */
  length: string;
  headHash: string;
  /** Events recorded before the chain existed: numbered but not hashed. */
  legacyEvents: number;
  /** byKey: verified checkpoints per signing key (auditKeyId), several after a rotation. */
  checkpoints: { total: number; verified: number; latestSeq: string | null; byKey: Record<string, number> };
  firstBreak: BrokenLink | null;
};

const BATCH = 1000;

/**
 * `trustedPublicKeys`: the current signing key's public half and those of retired ones. Everything
 * is read in one snapshot (a read-only REPEATABLE READ transaction): writers keep appending while it
 * reads, and events committed after the head was read would otherwise look "added outside the chain".
 */
export function verifyAuditChain(db: Db, trustedPublicKeys: readonly string[]): Promise<AuditChainReport> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET TRANSACTION READ ONLY`;
      return verifySnapshot(tx, trustedPublicKeys);
    },
    // A long trail takes a while to read; nothing is locked meanwhile.
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: 30 * 60_000, maxWait: 10_000 },
  );
}

async function verifySnapshot(db: Prisma.TransactionClient, trustedPublicKeys: readonly string[]): Promise<AuditChainReport> {
  const head = await db.auditChainHead.findUnique({ where: { id: 1 } });
  if (!head) {
    const missing = { seq: "0", eventId: null, reason: "The chain head is missing." };
    return {
      ok: false,
      length: "0",
      headHash: GENESIS_HASH,
      legacyEvents: 0,
      checkpoints: { total: 0, verified: 0, latestSeq: null, byKey: {} },
      firstBreak: missing,
    };
  }
  const legacyEvents = await db.auditEvent.count({ where: { seq: { lt: head.genesisSeq } } });
  let firstBreak: BrokenLink | null = null;
  let firstBreakSeq: bigint | null = null;
  // The earliest position wins, whichever check found it.
  const breakAt = (seq: bigint, eventId: string | null, reason: string) => {
    if (firstBreakSeq !== null && firstBreakSeq <= seq) return;
    firstBreakSeq = seq;
    firstBreak = { seq: seq.toString(), eventId, reason };
  };

  // Hashes by position, for the checkpoints (a string each; millions of events stay well within memory).
  const hashes = new Map<bigint, string>();
  let expected = head.genesisSeq;
  let prevHash = GENESIS_HASH;
  let after = head.genesisSeq - 1n;
  for (;;) {
    const rows = await db.auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" }, take: BATCH });
    for (const row of rows) {
      if (row.seq !== expected) {
        breakAt(expected, null, `Event ${expected} is missing (the next one is ${row.seq}).`);
        expected = row.seq;
      }
      if (row.seq > head.seq)
        breakAt(row.seq, row.id, `Event ${row.seq} is past the chain head (${head.seq}): it was added outside the chain.`);
      if (row.hash === null || row.prevHash === null) breakAt(row.seq, row.id, `Event ${row.seq} has no hash.`);
      else {
        if (row.prevHash !== prevHash)
          breakAt(row.seq, row.id, `Event ${row.seq} does not link to event ${row.seq - 1n} (its previous hash differs).`);
        if (auditEventHash({ ...row, prevHash: row.prevHash }) !== row.hash) {
          breakAt(row.seq, row.id, `Event ${row.seq} was changed: its content does not match its hash.`);
        }
      }
      prevHash = row.hash ?? "";
      hashes.set(row.seq, row.hash ?? "");
      expected = row.seq + 1n;
      after = row.seq;
    }
    if (rows.length < BATCH) break;
  }
  if (expected <= head.seq) breakAt(expected, null, `Events ${expected} to ${head.seq} are missing: the chain head counts ${head.seq}.`);
  else if (head.seq >= head.genesisSeq && hashes.get(head.seq) !== head.headHash) {
    breakAt(head.seq, null, `The chain head's hash is not event ${head.seq}'s hash.`);
  }

  const checkpoints = await db.auditCheckpoint.findMany({ orderBy: { seq: "asc" } });
  let verified = 0;
  const byKey: Record<string, number> = {};
  for (const checkpoint of checkpoints) {
    // Each checkpoint names the key that signed it; that key must be one this verifier was given.
    const signed =
      trustedPublicKeys.includes(checkpoint.publicKey) &&
      verifySignature(checkpointMessage(checkpoint.seq, checkpoint.headHash), checkpoint.signature, checkpoint.publicKey);
    if (!signed) {
      breakAt(
        checkpoint.seq,
        null,
        `The checkpoint at event ${checkpoint.seq} is not signed by the configured audit key (nor a retired one).`,
      );
    } else if (hashes.get(checkpoint.seq) !== checkpoint.headHash) {
      const reason = hashes.has(checkpoint.seq)
        ? `Event ${checkpoint.seq} differs from what the checkpoint signed: the trail was rewritten up to it.`
        : `The checkpoint signed ${checkpoint.seq} events, but event ${checkpoint.seq} is not in the chain.`;
      breakAt(checkpoint.seq, null, reason);
    } else {
      verified += 1;
      const keyId = auditKeyId(checkpoint.publicKey);
      byKey[keyId] = (byKey[keyId] ?? 0) + 1;
    }
  }

  return {
    ok: firstBreak === null,
    length: head.seq.toString(),
    headHash: head.headHash,
    legacyEvents,
    checkpoints: { total: checkpoints.length, verified, latestSeq: checkpoints.at(-1)?.seq.toString() ?? null, byKey },
    firstBreak,
  };
}
