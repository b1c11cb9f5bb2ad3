-- Rules about "at most one pending X" that two concurrent requests could each check and both pass:
-- the database is the last word (a collision is a unique violation, which the API answers with
-- CONFLICT). Prisma's schema cannot express partial unique indexes, so they live only here (see the
-- comments on the models).

-- Re-inviting an address revokes its earlier links: one usable invitation per address and institution.
UPDATE "invitation" AS old SET "revokedAt" = now()
WHERE old."acceptedAt" IS NULL AND old."revokedAt" IS NULL
  AND EXISTS (
    SELECT 1 FROM "invitation" AS newer
    WHERE newer."institutionId" = old."institutionId" AND newer."email" = old."email"
      AND newer."acceptedAt" IS NULL AND newer."revokedAt" IS NULL
      AND (newer."createdAt", newer."id") > (old."createdAt", old."id")
  );
CREATE UNIQUE INDEX "invitation_usable_email_key" ON "invitation"("institutionId", "email")
  WHERE "acceptedAt" IS NULL AND "revokedAt" IS NULL;

-- One four-eyes request per action and institution waits at a time.
UPDATE "approval_request" AS old SET "status" = 'CANCELLED'
WHERE old."status" = 'PENDING'
  AND EXISTS (
    SELECT 1 FROM "approval_request" AS older
    WHERE older."institutionId" = old."institutionId" AND older."action" = old."action" AND older."status" = 'PENDING'
      AND (older."createdAt", older."id") < (old."createdAt", old."id")
  );
CREATE UNIQUE INDEX "approval_request_pending_action_key" ON "approval_request"("institutionId", "action")
  WHERE "status" = 'PENDING';

-- One sign-up request per e-mail waits for Opus at a time.
UPDATE "signup_request" AS old SET "status" = 'REJECTED', "reason" = 'Duplicate of an earlier request.'
WHERE old."status" = 'PENDING'
  AND EXISTS (
    SELECT 1 FROM "signup_request" AS older
    WHERE older."email" = old."email" AND older."status" = 'PENDING'
      AND (older."createdAt", older."id") < (old."createdAt", old."id")
  );
CREATE UNIQUE INDEX "signup_request_pending_email_key" ON "signup_request"("email") WHERE "status" = 'PENDING';
