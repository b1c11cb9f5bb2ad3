// Signed checkpoints of the audit chain: at intervals the API signs the chain's length and head hash.
// Whoever rewrites the trail from some event on (and fixes every later hash) still cannot sign the
// new head, so a checkpoint past the rewritten event no longer matches.
import type { Db } from "@opus/db/client";
import { type AuditSigner, checkpointMessage } from "../../lib/audit-signer.ts";

/** Signs the current head unless it is already signed (or the chain is empty). Safe on every replica at once. */
export async function signAuditCheckpoint(db: Db, signer: AuditSigner): Promise<{ seq: bigint; headHash: string } | null> {
  const head = await db.auditChainHead.findUnique({ where: { id: 1 }, select: { seq: true, headHash: true, genesisSeq: true } });
  if (!head || head.seq < head.genesisSeq) return null;
  const signature = signer.sign(checkpointMessage(head.seq, head.headHash));
  // Two replicas signing the same head write the same statement: the second insert is skipped.
  const written = await db.auditCheckpoint.createMany({
    data: [{ seq: head.seq, headHash: head.headHash, signature, publicKey: signer.publicKey }],
    skipDuplicates: true,
  });
  return written.count === 1 ? { seq: head.seq, headHash: head.headHash } : null;
}
