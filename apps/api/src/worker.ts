// Worker process entry point (`pnpm --filter @opus/api worker`, and part of `pnpm start`): runs
// provisioning operations from the PostgreSQL queue, and the drift-check schedule. Any number of
// workers may run side by side; SIGTERM stops claiming and hands running operations back.
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { createServices } from "./create-services.ts";
import { env } from "./env.ts";
import { runDriftSchedule } from "./provisioning/drift-schedule.ts";
import { createOperationWorker } from "./provisioning/operation-worker.ts";
import { provisioningConfigFrom } from "./provisioning/provisioning-config.ts";
import { resolveEngine } from "./provisioning/resolve-engine.ts";
import { DEFAULT_WORKER_OPTIONS } from "./provisioning/worker-deps.ts";

const config = env();
const services = createServices(config, "worker");
const engine = await resolveEngine(config, services.log);
const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
const leaseMs = config.WORKER_LEASE_SECONDS * 1000;

const worker = createOperationWorker(
  { db: services.db, clock: services.clock, log: services.log, cipher: services.cipher, engine, config: provisioningConfigFrom(config) },
  {
    ...DEFAULT_WORKER_OPTIONS,
    workerId,
    concurrency: config.WORKER_CONCURRENCY,
    leaseMs,
    // Several heartbeats per lease, so one slow query never costs an operation its lease.
    heartbeatMs: Math.min(DEFAULT_WORKER_OPTIONS.heartbeatMs, leaseMs / 5),
  },
);
worker.start();

const drift = new AbortController();
const driftEveryMs = config.DRIFT_CHECK_MINUTES * 60_000;
const driftDone =
  driftEveryMs > 0 ? runDriftSchedule(services, driftEveryMs, drift.signal, DEFAULT_WORKER_OPTIONS.sleep) : Promise.resolve();
services.log.info({ workerId, concurrency: config.WORKER_CONCURRENCY, driftCheckMinutes: config.DRIFT_CHECK_MINUTES }, "worker started");

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    if (stopping) return;
    stopping = true;
    services.log.info({ signal }, "worker stopping: no new claims; running operations are handed back");
    drift.abort();
    void Promise.all([worker.stop(), driftDone])
      .then(() => services.db.$disconnect())
      .finally(() => process.exit(0));
  });
}
