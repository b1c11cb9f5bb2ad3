-- The report-only agent forwarding an installation's reports: its version and last contact,
-- refreshed by the heartbeats it forwards (throttled like a managed account's agent's claims).
ALTER TABLE "environment" ADD COLUMN "agentVersion" TEXT,
ADD COLUMN "agentSeenAt" TIMESTAMP(3);
