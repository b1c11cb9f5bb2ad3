import { tmpdir } from "node:os";
import path from "node:path";
// A fresh, seeded database and the real services over it, for one test file.
import { createDb } from "@opus/db/client";
import { seedDemoData } from "@opus/db/seed";
import { createSqlPool } from "@opus/db/sql-pool";
import { createTestDatabase } from "@opus/db/test-database";
import { createAuth } from "../../src/auth/create-auth.ts";
import { SESSION_READ_CACHE_DEFAULT_MS, SessionReadCache } from "../../src/auth/session-read-cache.ts";
import { LOCAL_SAAS_REGIONS } from "../../src/env/saas-region-config.ts";
import { createAuditSigner } from "../../src/lib/audit-signer.ts";
import {
  type CredentialsOpener,
  createCredentialsOpener,
  createCredentialsSealer,
  credentialsPublicKeyOf,
} from "../../src/lib/credentials-envelope.ts";
import { createMailer } from "../../src/lib/mailer.ts";
import { createRateLimits, RATE_RULES, type RateRules } from "../../src/lib/rate-limits.ts";

function roomyRules(): RateRules {
  return Object.fromEntries(Object.entries(RATE_RULES).map(([name, rule]) => [name, { ...rule, points: 1_000_000 }])) as RateRules;
}

import { createLogger } from "../../src/logger.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import type { Clock, Services } from "../../src/services.ts";

export const TEST_AUTH_SECRET = "test-auth-secret-0123456789abcdef0123456789";
/** The worker's private key in tests; the API side only ever gets its public key. */
const TEST_CREDENTIALS_PRIVATE_KEY = Buffer.alloc(32, 3).toString("base64");
export const TEST_AUDIT_SIGNING_KEY = Buffer.alloc(32, 5).toString("base64");
export const TEST_OPERATION_SIGNING_KEY = Buffer.alloc(32, 9).toString("base64");

export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Tests need DATABASE_URL (a PostgreSQL server); `pnpm test` sets it up for you.");
  return url;
}

export type TestServices = Services & {
  /** set(null) returns to real time. */
  clock: Clock & { set(d: Date | null): void };
  databaseUrl: string;
  /** The worker's side of the credentials envelope (services.cipher only seals, as the API's does). */
  opener: CredentialsOpener;
  cleanup(): Promise<void>;
};

export async function createTestServices(
  options: {
    publicUrl?: string;
    agentImage?: string;
    onQuery?: (sql: string, params: string) => void;
    rateRules?: Partial<RateRules>;
    smtpUrl?: string;
    agentLeaseMs?: number;
    /** SESSION_READ_CACHE_MS; the production default unless a test sizes it. */
    sessionReadCacheMs?: number;
  } = {},
): Promise<TestServices> {
  const database = await createTestDatabase(serverUrl());
  const db = createDb(database.url, { poolSize: 5, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
  const sql = createSqlPool(database.url, { poolSize: 5, ...(options.onQuery ? { onQuery: options.onQuery } : {}) });
  const cipher = createCredentialsSealer(credentialsPublicKeyOf(TEST_CREDENTIALS_PRIVATE_KEY));
  const opener = createCredentialsOpener({ privateKeys: [TEST_CREDENTIALS_PRIVATE_KEY] });
  await seedDemoData(db, { authSecret: TEST_AUTH_SECRET, encryptCredentials: cipher.encrypt });
  let now: Date | null = null;
  // Real limits, sized so that a test file's own traffic from 127.0.0.1 never meets them; the
  // rate-limit tests pass their own small rules.
  const rateLimits = createRateLimits(sql, { ...roomyRules(), ...options.rateRules }, () => now ?? new Date());
  const publicUrl = options.publicUrl ?? "http://console.test";
  return {
    db,
    sql,
    rateLimits,
    // Tests talk to the API directly: no proxy in front of it.
    trustedProxies: 0,
    auth: createAuth({ db, secret: TEST_AUTH_SECRET, publicUrl, rateLimits }),
    sessionCache: new SessionReadCache(options.sessionReadCacheMs ?? SESSION_READ_CACHE_DEFAULT_MS),
    log: createLogger("silent", "test"),
    metrics: createMetrics(db, "api"),
    clock: {
      now: () => now ?? new Date(),
      set: (d) => {
        now = d;
      },
    },
    cipher,
    opener,
    auditSigner: createAuditSigner(TEST_AUDIT_SIGNING_KEY),
    auditCheckpointIntervalSeconds: 300,
    agentQueue: { signer: createAuditSigner(TEST_OPERATION_SIGNING_KEY), leaseMs: options.agentLeaseMs ?? 60_000 },
    // Real .eml files in a per-database folder: tests can read what was "sent".
    mailer: createMailer({
      smtpUrl: options.smtpUrl,
      from: "Opus <no-reply@opus.test>",
      outboxDir: path.join(tmpdir(), "opus-test-outbox", database.url.split("/").at(-1) ?? "db"),
    }),
    platformRelease: { version: "3.4.0", chart: "opus-platform", repository: "oci://registry.opus.example/charts" },
    saasRegions: Object.keys(LOCAL_SAAS_REGIONS),
    saasKubernetes: {},
    publicUrl,
    agentImage: options.agentImage ?? null,
    reportGraceDays: 3,
    databaseUrl: database.url,
    async cleanup() {
      await db.$disconnect();
      await sql.end();
      await database.drop();
    },
  };
}
