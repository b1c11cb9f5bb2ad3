-- Institutions list at fleet size (see docs/benchmarks.md):
-- free-text search on names is `ILIKE '%…%'`, which only a trigram index can serve;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX "institution_legalName_trgm_idx" ON "institution" USING gin ("legalName" gin_trgm_ops);
CREATE INDEX "institution_tradeName_trgm_idx" ON "institution" USING gin ("tradeName" gin_trgm_ops);
-- a CNPJ is searched by prefix (LIKE 'digits%'), which a pattern-ops b-tree serves under any collation;
CREATE INDEX "institution_cnpj_pattern_idx" ON "institution" ("cnpj" text_pattern_ops);
-- every sort ends with the id as tie-breaker: with it in the index, a page is read in index order
-- (deep OFFSETs walk the index only) instead of being sorted again.
DROP INDEX "institution_legalName_idx";
DROP INDEX "institution_createdAt_idx";
CREATE INDEX "institution_legalName_id_idx" ON "institution" ("legalName", "id");
CREATE INDEX "institution_createdAt_id_idx" ON "institution" ("createdAt", "id");
DROP INDEX "institution_status_idx";
CREATE INDEX "institution_status_id_idx" ON "institution" ("status", "id");
