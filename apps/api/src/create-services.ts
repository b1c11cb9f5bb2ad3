import path from "node:path";
import { createDb } from "@opus/db/client";
import { createSqlPool } from "@opus/db/sql-pool";
import { createAuth } from "./auth/create-auth.ts";
import type { Env } from "./env.ts";
import { createCredentialsCipher } from "./lib/credentials-cipher.ts";
import { createMailer } from "./lib/mailer.ts";
import { createLogger } from "./logger.ts";
import { provisioningConfigFrom } from "./provisioning/provisioning-config.ts";
import { type Services, systemClock } from "./services.ts";

export function createServices(env: Env, name: string): Services {
  const db = createDb(env.DATABASE_URL);
  return {
    db,
    sql: createSqlPool(env.DATABASE_URL),
    auth: createAuth({ db, secret: env.AUTH_SECRET, publicUrl: env.PUBLIC_URL, rateLimit: env.NODE_ENV === "production" }),
    log: createLogger(env.LOG_LEVEL, name),
    clock: systemClock,
    cipher: createCredentialsCipher(env.CREDENTIALS_KEY),
    mailer: createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: path.join(env.DATA_DIR, "outbox") }),
    platformRelease: provisioningConfigFrom(env).defaultRelease,
    saasRegions: Object.keys(env.SAAS_REGIONS),
    publicUrl: env.PUBLIC_URL,
    reportGraceDays: env.USAGE_REPORT_GRACE_DAYS,
  };
}
