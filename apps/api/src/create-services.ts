import path from "node:path";
import { createDb } from "@opus/db/client";
import { createSqlPool } from "@opus/db/sql-pool";
import { createAuth } from "./auth/create-auth.ts";
import { SessionReadCache } from "./auth/session-read-cache.ts";
import type { ApiEnv } from "./env/api-env.ts";
import type { WorkerEnv } from "./env/worker-env.ts";
import { createAuditSigner } from "./lib/audit-signer.ts";
import { createCredentialsOpener, createCredentialsSealer } from "./lib/credentials-envelope.ts";
import { createMailer } from "./lib/mailer.ts";
import { createRateLimits } from "./lib/rate-limits.ts";
import { createLogger } from "./logger.ts";
import { createMetrics } from "./observability/metrics.ts";
import { platformReleaseFrom } from "./provisioning/provisioning-config.ts";
import type { WorkerProcessServices } from "./provisioning/run-worker-process.ts";
import { type Services, systemClock } from "./services.ts";

/** The API server's services, from the API's own settings. */
export function createServices(env: ApiEnv, name: string): Services {
  const db = createDb(env.DATABASE_URL);
  const log = createLogger(env.LOG_LEVEL, name);
  const sql = createSqlPool(env.DATABASE_URL, { onIdleError: (err) => log.warn({ err }, "an idle database connection closed") });
  const rateLimits = createRateLimits(sql, env.RATE_LIMITS);
  return {
    db,
    sql,
    rateLimits,
    trustedProxies: env.TRUSTED_PROXIES,
    auth: createAuth({ db, secret: env.AUTH_SECRET, publicUrl: env.PUBLIC_URL, rateLimits }),
    sessionCache: new SessionReadCache(env.SESSION_READ_CACHE_MS),
    log,
    metrics: createMetrics(db, "api"),
    clock: systemClock,
    // Seals only: the API cannot open what it stores.
    cipher: createCredentialsSealer(env.CREDENTIALS_PUBLIC_KEY),
    auditSigner: createAuditSigner(env.AUDIT_SIGNING_KEY, env.AUDIT_RETIRED_PUBLIC_KEYS),
    auditCheckpointIntervalSeconds: env.AUDIT_CHECKPOINT_INTERVAL_SECONDS,
    agentQueue: { signer: createAuditSigner(env.OPERATION_SIGNING_KEY), leaseMs: env.AGENT_LEASE_SECONDS * 1000 },
    mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: path.join(env.DATA_DIR, "outbox") }),
    platformRelease: platformReleaseFrom(env),
    saasRegions: env.SAAS_REGION_NAMES,
    saasKubernetes: env.SAAS_REGION_KUBERNETES,
    publicUrl: env.PUBLIC_URL,
    agentImage: env.AGENT_IMAGE ?? null,
    reportGraceDays: env.USAGE_REPORT_GRACE_DAYS,
  };
}

/** The worker's services: no sign-in and no mail; the queue's database, the cipher and the usage schedule's. */
export function createWorkerServices(
  env: Pick<WorkerEnv, "DATABASE_URL" | "LOG_LEVEL" | "CREDENTIALS_PRIVATE_KEYS" | "CREDENTIALS_KEY" | "USAGE_REPORT_GRACE_DAYS">,
  name: string,
): WorkerProcessServices {
  const log = createLogger(env.LOG_LEVEL, name);
  const db = createDb(env.DATABASE_URL);
  return {
    db,
    metrics: createMetrics(db, "worker"),
    sql: createSqlPool(env.DATABASE_URL, { onIdleError: (err) => log.warn({ err }, "an idle database connection closed") }),
    reportGraceDays: env.USAGE_REPORT_GRACE_DAYS,
    log,
    clock: systemClock,
    cipher: createCredentialsOpener({ privateKeys: env.CREDENTIALS_PRIVATE_KEYS, legacyKey: env.CREDENTIALS_KEY }),
  };
}
