-- Institutions list search (issue 8, docs/benchmarks.md): `ILIKE '%…%'` lower-cases every candidate
-- name each time it is tested, and a search matching a fifth of the fleet tests 2,000 names twice (the
-- bitmap's recheck, then the OR's filter). Names stored lower-cased once, at write time, are tested
-- with a plain LIKE against a lower-cased pattern: the same matches, without the per-row lower().
-- Generated columns, so nothing writes them and they can never disagree with the names; they are not
-- in schema.prisma (Prisma has no generated columns), so the ORM neither reads nor writes them, and
-- only the list's raw SQL (domain/institutions/list-institutions.ts) uses them.
ALTER TABLE "institution"
  ADD COLUMN "legalNameLower" TEXT GENERATED ALWAYS AS (lower("legalName")) STORED,
  ADD COLUMN "tradeNameLower" TEXT GENERATED ALWAYS AS (lower("tradeName")) STORED;
CREATE INDEX "institution_legalNameLower_trgm_idx" ON "institution" USING gin ("legalNameLower" gin_trgm_ops);
CREATE INDEX "institution_tradeNameLower_trgm_idx" ON "institution" USING gin ("tradeNameLower" gin_trgm_ops);
DROP INDEX "institution_legalName_trgm_idx";
DROP INDEX "institution_tradeName_trgm_idx";
