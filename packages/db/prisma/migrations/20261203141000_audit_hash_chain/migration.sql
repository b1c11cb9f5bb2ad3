-- The audit trail becomes a hash chain (packages/db/src/audit-chain.ts computes the hashes) and
-- append-only in the database itself.

-- An institution's deletion must neither delete nor unlink its trail: the institution id is part of
-- each event's hash, so the old ON DELETE SET NULL would have broken the chain. No foreign key at all.
ALTER TABLE "audit_event" DROP CONSTRAINT "audit_event_institutionId_fkey";

ALTER TABLE "audit_event" ADD COLUMN "hash" TEXT,
ADD COLUMN "prevHash" TEXT,
ADD COLUMN "seq" BIGINT;

-- Events recorded before the chain get numbers in the order they were written but no hash: the
-- verifier reports them as predating the chain (genesisSeq below).
UPDATE "audit_event" e SET "seq" = n.seq
FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS seq FROM "audit_event") n
WHERE e."id" = n."id";
ALTER TABLE "audit_event" ALTER COLUMN "seq" SET NOT NULL;
CREATE UNIQUE INDEX "audit_event_seq_key" ON "audit_event"("seq");

CREATE TABLE "audit_chain_head" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "seq" BIGINT NOT NULL,
    "headHash" TEXT NOT NULL,
    "genesisSeq" BIGINT NOT NULL,

    CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_chain_head_single_row" CHECK ("id" = 1)
);
-- The chain starts after the legacy events, from the all-zero hash.
INSERT INTO "audit_chain_head" ("id", "seq", "headHash", "genesisSeq")
SELECT 1, count(*), repeat('0', 64), count(*) + 1 FROM "audit_event";

CREATE TABLE "audit_checkpoint" (
    "seq" BIGINT NOT NULL,
    "headHash" TEXT NOT NULL,
    "signature" TEXT NOT NULL,
    "publicKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_checkpoint_pkey" PRIMARY KEY ("seq")
);

-- Append-only, not only in the code: events and checkpoints are never updated or deleted (TRUNCATE
-- too). Keeping them five years is then the default; removing older ones is a deliberate,
-- superuser-only act outside the application.
CREATE FUNCTION audit_append_only() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "audit_event_append_only" BEFORE UPDATE OR DELETE ON "audit_event"
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "audit_event_no_truncate" BEFORE TRUNCATE ON "audit_event"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "audit_checkpoint_append_only" BEFORE UPDATE OR DELETE ON "audit_checkpoint"
  FOR EACH ROW EXECUTE FUNCTION audit_append_only();
CREATE TRIGGER "audit_checkpoint_no_truncate" BEFORE TRUNCATE ON "audit_checkpoint"
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();

-- The head only moves forward, one event at a time, and is never removed.
CREATE FUNCTION audit_chain_head_forward() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NEW."seq" <> OLD."seq" + 1 OR NEW."genesisSeq" <> OLD."genesisSeq" THEN
    RAISE EXCEPTION 'audit_chain_head only advances by one event: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER "audit_chain_head_forward" BEFORE UPDATE OR DELETE ON "audit_chain_head"
  FOR EACH ROW EXECUTE FUNCTION audit_chain_head_forward();
