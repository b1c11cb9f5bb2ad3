// Tenants, environments and workers for provisioning tests, over a fresh seeded database.
import { createDb, type Db, type Enums } from "@opus/db/client";
import { enqueueOperation } from "../../../src/domain/environments/enqueue-operation.ts";
import { LOCAL_SAAS_REGIONS } from "../../../src/env/saas-region-config.ts";
import { createOperationWorker } from "../../../src/provisioning/operation-worker.ts";
import type { ProvisioningConfig } from "../../../src/provisioning/provisioning-config.ts";
import { DEFAULT_WORKER_OPTIONS, type WorkerDeps, type WorkerOptions } from "../../../src/provisioning/worker-deps.ts";
import type { TestServices } from "../../support/test-services.ts";
import type { FakeEngine } from "./fake-engine.ts";

export const DB_PASSWORD = "shared-db-admin-pass-7f3a";
export const QUEUE_PASSWORD = "shared-mq-admin-pass-91c2";

const local = LOCAL_SAAS_REGIONS["sa-east-1"];
if (!local) throw new Error("local region missing");

export const TEST_CONFIG: ProvisioningConfig = {
  saasRegions: {
    "sa-east-1": {
      ...local,
      database: { ...local.database, adminPassword: DB_PASSWORD },
      queue: { ...local.queue, adminPassword: QUEUE_PASSWORD },
    },
  },
  defaultRelease: { version: "3.5.0", chart: "opus-platform", repository: "oci://registry.test/charts" },
};

let counter = 0;

/** A SaaS tenant (ACTIVE unless told) with one environment per kind given. */
export async function createTenant(
  db: Db,
  options: {
    status?: Enums.InstitutionStatus;
    mode?: Enums.DeploymentMode;
    envStatus?: Enums.EnvironmentStatus;
    kinds?: Enums.EnvironmentKind[];
  } = {},
) {
  const slug = `tenant-${Date.now().toString(36)}-${++counter}`;
  const plan = await db.plan.findUniqueOrThrow({ where: { code: "growth" } });
  const kinds = options.kinds ?? ["PRODUCTION"];
  const institution = await db.institution.create({
    data: {
      slug,
      legalName: `Tenant ${counter} S.A.`,
      deploymentMode: options.mode ?? "SAAS",
      region: "sa-east-1",
      status: options.status ?? "ACTIVE",
      planId: plan.id,
      environments: {
        create: kinds.map((kind) => ({ kind, status: options.envStatus ?? "ACTIVE", stackName: `${slug}-${kind.toLowerCase()}` })),
      },
    },
    include: { environments: { orderBy: { kind: "asc" } } },
  });
  return { ...institution, env: must(institution.environments[0], "an environment") };
}

/** The value, or a failure naming what was missing (indexing is checked, and `!` is not allowed). */
export function must<T>(value: T | null | undefined, what = "a value"): T {
  if (value === null || value === undefined) throw new Error(`expected ${what}`);
  return value;
}

export async function enqueue(
  services: TestServices,
  environmentId: string,
  kind: Enums.OperationKind,
  extra: { idempotencyKey?: string; maxAttempts?: number } = {},
) {
  const { operation } = await enqueueOperation(services.db, { now: services.clock.now() }, { environmentId, kind, ...extra });
  return operation;
}

export function testWorkerOptions(overrides: Partial<WorkerOptions> = {}): WorkerOptions {
  return {
    ...DEFAULT_WORKER_OPTIONS,
    workerId: `test-worker-${++counter}`,
    concurrency: 1,
    leaseMs: 30_000,
    heartbeatMs: 20,
    pollMs: 10,
    retry: { baseMs: 1_000, capMs: 60_000 },
    concurrent: { delayMs: 5_000, maxWaitMs: 60_000 },
    shutdownTimeoutMs: 5_000,
    ...overrides,
  };
}

export function workerDeps(services: TestServices, engine: FakeEngine, db: Db = services.db): WorkerDeps {
  return { db, clock: services.clock, log: services.log, metrics: services.metrics, cipher: services.opener, engine, config: TEST_CONFIG };
}

export function createTestWorker(services: TestServices, engine: FakeEngine, overrides: Partial<WorkerOptions> = {}, db?: Db) {
  return createOperationWorker(workerDeps(services, engine, db), testWorkerOptions(overrides));
}

/** A separate connection pool, as a separate worker process would have. */
export function separateDb(services: TestServices, poolSize = 3): Db {
  return createDb(services.databaseUrl, { poolSize });
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("waitFor: timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function operation(services: TestServices, id: string) {
  return services.db.operation.findUniqueOrThrow({ where: { id } });
}
