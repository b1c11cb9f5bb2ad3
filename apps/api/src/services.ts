// Long-lived dependencies, built once per process and handed to every request through the context.
import type { Db } from "@opus/db/client";
import type { SqlPool } from "@opus/db/sql-pool";
import type { Auth } from "./auth/create-auth.ts";
import type { SessionReadCache } from "./auth/session-read-cache.ts";
import type { Clock, PlatformRelease } from "./domain/domain-context.ts";
import type { AuditSigner } from "./lib/audit-signer.ts";
import type { CredentialsSealer } from "./lib/credentials-envelope.ts";
import type { Mailer } from "./lib/mailer.ts";
import type { RateLimits } from "./lib/rate-limits.ts";
import type { Logger } from "./logger.ts";
import type { Metrics } from "./observability/metrics.ts";

export type Services = {
  db: Db;
  /** Plain SQL for the hot paths that are one statement (usage ingestion). */
  sql: SqlPool;
  auth: Auth;
  /** Who a session token belongs to, remembered for queries for SESSION_READ_CACHE_MS (auth/session-read-cache.ts). */
  sessionCache: SessionReadCache;
  /** Rate limits shared by every replica (PostgreSQL). */
  rateLimits: RateLimits;
  /** TRUSTED_PROXIES: how many proxies in front of the API append to X-Forwarded-For. */
  trustedProxies: number;
  log: Logger;
  metrics: Metrics;
  clock: Clock;
  cipher: CredentialsSealer;
  auditSigner: AuditSigner;
  /** Signs what /api/v1/agent hands an agent; and how long an agent's lease lasts. */
  agentQueue: { signer: AuditSigner; leaseMs: number };
  /** Seconds between signed checkpoints of the audit chain. */
  auditCheckpointIntervalSeconds: number;
  mailer: Mailer;
  /** The platform release new environments and install bundles get. */
  platformRelease: PlatformRelease;
  /** Codes of the regions where Opus runs SaaS tenants (SAAS_REGION_NAMES). */
  saasRegions: string[];
  /** SAAS_REGION_KUBERNETES: each region's cluster version. */
  saasKubernetes: Record<string, string>;
  /** The console's public URL, for links in invitations. */
  publicUrl: string;
  /** AGENT_IMAGE: the agent image install bundles run their report-only agent on (null: the bundle says to set it). */
  agentImage: string | null;
  /** USAGE_REPORT_GRACE_DAYS. */
  reportGraceDays: number;
};

export { systemClock } from "./domain/domain-context.ts";
export type { Clock };
