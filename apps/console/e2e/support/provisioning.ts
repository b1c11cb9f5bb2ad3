// Fresh tenants for the provisioning tests, written straight into the database: a SaaS institution
// Opus has approved (reaching it through the API means the whole onboarding and a real approval,
// which queues a deploy on its own), a member who only views it, and runs already finished. The
// end-to-end worker (apps/api/test/support/e2e-worker.ts) runs whatever the tests queue.
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";
import { uniqueEmail } from "./accounts";
import { uniqueSuffix } from "./identifiers";

type InstitutionStatus = "APPROVED" | "PROVISIONING" | "ACTIVE" | "SUSPENDED" | "OFFBOARDING";
type EnvironmentStatus = "PENDING" | "PROVISIONING" | "ACTIVE" | "FAILED";

export type SaasTenant = { id: string; slug: string; legalName: string; environmentId: string; stackName: string };

/** Columns are UTC `timestamp(3)`, as Prisma writes them. */
const NOW = `(now() AT TIME ZONE 'UTC')`;

async function withDb<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A SaaS institution (growth plan, region sa-east-1) with one homologation environment. Its slug
 * starts with `slugPrefix`: the end-to-end engine fails every stack whose name contains "falha".
 */
export async function saasTenant(
  options: { slugPrefix?: string; status?: InstitutionStatus; environmentStatus?: EnvironmentStatus; legalName?: string } = {},
): Promise<SaasTenant> {
  const suffix = uniqueSuffix().toLowerCase();
  const slug = `${options.slugPrefix ?? "banco-teste"}-${suffix}`;
  const legalName = options.legalName ? `${options.legalName} ${suffix.toUpperCase()}` : `Banco ${suffix.toUpperCase()} S.A.`;
  const stackName = `${slug}-homologation`;
  const id = randomUUID();
  const environmentId = randomUUID();
  const environmentStatus = options.environmentStatus ?? "PENDING";
  const deployed = environmentStatus !== "PENDING";
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO institution (id, slug, "legalName", roles, "apiFamilies", "deploymentMode", region, status, "planId", "approvedAt", "updatedAt")
       VALUES ($1, $2, $3, '{DADOS}', '{accounts}', 'SAAS', 'sa-east-1', $4, (SELECT id FROM plan WHERE code = 'growth'), ${NOW}, ${NOW})`,
      [id, slug, legalName, options.status ?? "APPROVED"],
    );
    await client.query(
      `INSERT INTO environment (id, "institutionId", kind, status, "stackName", cluster, namespace, "releaseVersion", outputs, "updatedAt")
       VALUES ($1, $2, 'HOMOLOGATION', $3, $4, $5, $6, $7, $8, ${NOW})`,
      [
        environmentId,
        id,
        environmentStatus,
        stackName,
        deployed ? "saas-sa-east-1" : null,
        deployed ? stackName : null,
        deployed ? "3.4.0" : null,
        deployed ? JSON.stringify(outputsOf(stackName)) : null,
      ],
    );
  });
  return { id, slug, legalName, environmentId, stackName };
}

/** The non-secret outputs a deploy of `stackName` reports (as the end-to-end engine does). */
export function outputsOf(stackName: string) {
  return {
    namespace: stackName,
    databaseName: stackName.replaceAll("-", "_"),
    queueVhost: stackName,
    gatewayUrl: `https://${stackName}.sa-east-1.opus.localhost`,
  };
}

/** A member of the institution with the VIEWER role; returns how to sign in as them. */
export async function viewerOf(institutionId: string): Promise<{ email: string; password: string; name: string }> {
  const password = "a-long-viewer-password";
  const email = uniqueEmail("viewer");
  const name = "Vera Vista";
  const userId = randomUUID();
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO "user" (id, name, email, "emailVerified", "twoFactorEnabled", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, true, false, ${NOW}, ${NOW})`,
      [userId, name, email],
    );
    await client.query(
      `INSERT INTO account (id, "accountId", "providerId", "userId", password, "createdAt", "updatedAt")
       VALUES ($1, $2, 'credential', $2, $3, ${NOW}, ${NOW})`,
      [randomUUID(), userId, await hashPassword(password)],
    );
    await client.query(`INSERT INTO membership (id, "userId", "institutionId", role) VALUES ($1, $2, $3, 'VIEWER')`, [
      randomUUID(),
      userId,
      institutionId,
    ]);
  });
  return { email, password, name };
}

/** A deploy that already succeeded (with its log), and a drift check queued for tomorrow (never picked up during the test). */
export async function pastRuns(tenant: SaasTenant): Promise<{ deployId: string; queuedId: string }> {
  const deployId = randomUUID();
  const queuedId = randomUUID();
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO operation (id, "environmentId", "stackName", kind, status, "idempotencyKey", attempt, "maxAttempts", summary, outputs,
         "startedAt", "finishedAt", "createdAt")
       VALUES ($1, $2, $3, 'UP', 'SUCCEEDED', $4, 1, 5, '{"create": 12}', $5,
         ${NOW} - interval '5 minutes', ${NOW} - interval '4 minutes 48 seconds', ${NOW} - interval '5 minutes')`,
      [deployId, tenant.environmentId, tenant.stackName, `e2e:${deployId}`, JSON.stringify(outputsOf(tenant.stackName))],
    );
    const lines = [
      `Updating (${tenant.stackName})`,
      `  + kubernetes:core/v1:Namespace ${tenant.stackName} created`,
      "Resources: + 12 created",
    ];
    for (const line of lines) await client.query(`INSERT INTO operation_log ("operationId", line) VALUES ($1, $2)`, [deployId, line]);
    await client.query(
      `INSERT INTO operation (id, "environmentId", "stackName", kind, status, "idempotencyKey", "runAfter", "createdAt")
       VALUES ($1, $2, $3, 'REFRESH', 'QUEUED', $4, ${NOW} + interval '1 day', ${NOW})`,
      [queuedId, tenant.environmentId, tenant.stackName, `e2e:${queuedId}`],
    );
  });
  return { deployId, queuedId };
}

/**
 * Lets a failing operation give up at its next attempt: once it is back in the queue after a failed
 * attempt, its attempts are capped at the next one, which is due at once. (Otherwise it would be
 * retried five times with backoff of up to minutes.) Waits for the failed attempt first.
 */
export async function lastAttemptNow(operationId: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  await withDb(async (client) => {
    while (Date.now() < deadline) {
      // Only while it waits in the queue: a worker that claimed it meanwhile has read its limit already.
      const updated = await client.query(
        `UPDATE operation SET "maxAttempts" = attempt + 1, "runAfter" = ${NOW}
         WHERE id = $1 AND status = 'QUEUED' AND attempt > 0 AND error IS NOT NULL`,
        [operationId],
      );
      if (updated.rowCount === 1) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`operation ${operationId} did not come back to the queue after a failed attempt within ${timeoutMs / 1000}s`);
  });
}

/** A deploy that failed for good (no attempt left), the environment FAILED because of it. */
export async function failedRun(tenant: SaasTenant, error: string): Promise<string> {
  const id = randomUUID();
  await withDb(async (client) => {
    await client.query(
      `INSERT INTO operation (id, "environmentId", "stackName", kind, status, "idempotencyKey", attempt, "maxAttempts", error,
         "startedAt", "finishedAt", "createdAt")
       VALUES ($1, $2, $3, 'UP', 'FAILED', $4, 5, 5, $5,
         ${NOW} - interval '3 minutes', ${NOW} - interval '2 minutes', ${NOW} - interval '3 minutes')`,
      [id, tenant.environmentId, tenant.stackName, `e2e:${id}`, error],
    );
    await client.query(`UPDATE environment SET status = 'FAILED', "failedOperationId" = $1 WHERE id = $2`, [id, tenant.environmentId]);
  });
  return id;
}

/** A drift check that failed after the environment's last successful one (recorded an hour ago). */
export async function failedDriftCheck(tenant: SaasTenant, error: string): Promise<string> {
  const id = randomUUID();
  await withDb(async (client) => {
    await client.query(`UPDATE environment SET "lastRefreshAt" = ${NOW} - interval '1 hour' WHERE id = $1`, [tenant.environmentId]);
    await client.query(
      `INSERT INTO operation (id, "environmentId", "stackName", kind, status, "idempotencyKey", attempt, "maxAttempts", error,
         "startedAt", "finishedAt", "createdAt")
       VALUES ($1, $2, $3, 'REFRESH', 'FAILED', $4, 5, 5, $5, ${NOW} - interval '2 minutes', ${NOW} - interval '1 minute', ${NOW} - interval '2 minutes')`,
      [id, tenant.environmentId, tenant.stackName, `e2e:${id}`, error],
    );
  });
  return id;
}

/** Someone changes what the tenant spec is built from (its legal name) behind the reviewer's back. */
export async function renameTenant(tenant: SaasTenant, legalName: string): Promise<void> {
  await withDb((db) => db.query(`UPDATE institution SET "legalName" = $1 WHERE id = $2`, [legalName, tenant.id]));
}
