// Runs the provisioning worker in this process until SIGINT/SIGTERM: operations from the
// PostgreSQL queue and the drift-check schedule. Shared by the worker entry point and the
// end-to-end tests' worker (which passes an engine double: the Pulumi CLI cannot run on CI).
import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import type { ProvisioningEngine } from "@opus/provisioner/engine";
import { runUsageSchedule, type UsageScheduleDeps } from "../domain/billing/run-usage-schedule.ts";
import type { WorkerEnv } from "../env/worker-env.ts";
import { serveMetrics } from "../observability/metrics-server.ts";
import { runDriftSchedule } from "./drift-schedule.ts";
import { createOperationWorker } from "./operation-worker.ts";
import { provisioningConfigFrom } from "./provisioning-config.ts";
import { ROLLOUT_STEP_MS, runRolloutSchedule } from "./rollout-schedule.ts";
import { rotateCredentials } from "./rotate-credentials.ts";
import { DEFAULT_WORKER_OPTIONS, type WorkerDeps } from "./worker-deps.ts";

/** How often the usage schedule runs; finalization is due days after a month ends, so minutes are plenty. */
const USAGE_PASS_MS = 5 * 60_000;

/** Long-lived dependencies of a worker process (the engine comes separately: tests pass a double). */
export type WorkerProcessServices = Pick<WorkerDeps, "db" | "clock" | "log" | "cipher" | "metrics"> & UsageScheduleDeps;

type WorkerProcessEnv = Pick<
  WorkerEnv,
  | "WORKER_LEASE_SECONDS"
  | "WORKER_CONCURRENCY"
  | "WORKER_POLL_MS"
  | "WORKER_RETRY_BASE_SECONDS"
  | "WORKER_SHUTDOWN_GRACE_SECONDS"
  | "DRIFT_CHECK_MINUTES"
  | "SAAS_REGIONS"
  | "SAAS_REGION_KUBERNETES"
  | "PLATFORM_VERSION"
  | "PLATFORM_CHART"
  | "PLATFORM_CHART_REPOSITORY"
  | "METRICS_PORT"
>;

export function runWorkerProcess(config: WorkerProcessEnv, services: WorkerProcessServices, engine: ProvisioningEngine) {
  const workerId = `${hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
  const leaseMs = config.WORKER_LEASE_SECONDS * 1000;
  const worker = createOperationWorker(
    {
      db: services.db,
      clock: services.clock,
      log: services.log,
      metrics: services.metrics,
      cipher: services.cipher,
      engine,
      config: provisioningConfigFrom(config),
    },
    {
      ...DEFAULT_WORKER_OPTIONS,
      workerId,
      concurrency: config.WORKER_CONCURRENCY,
      leaseMs,
      // Several heartbeats per lease, so one slow query never costs an operation its lease.
      heartbeatMs: Math.min(DEFAULT_WORKER_OPTIONS.heartbeatMs, leaseMs / 5),
      pollMs: config.WORKER_POLL_MS,
      retry: { ...DEFAULT_WORKER_OPTIONS.retry, baseMs: config.WORKER_RETRY_BASE_SECONDS * 1000 },
      shutdownTimeoutMs: config.WORKER_SHUTDOWN_GRACE_SECONDS * 1000,
    },
  );
  worker.start();
  // A new current key takes effect for stored credentials at the next worker start.
  void rotateCredentials(services.db, services.cipher).then(
    (rotation) => rotation.resealed > 0 && services.log.info(rotation, "credentials re-sealed under the current key"),
    (err: unknown) => services.log.error({ err }, "credentials rotation failed; the old keys still open them"),
  );
  const closeMetrics = serveMetrics(services.metrics, config.METRICS_PORT, services.log);

  const drift = new AbortController();
  const driftEveryMs = config.DRIFT_CHECK_MINUTES * 60_000;
  const driftDone =
    driftEveryMs > 0 ? runDriftSchedule(services, driftEveryMs, drift.signal, DEFAULT_WORKER_OPTIONS.sleep) : Promise.resolve();
  // Usage: partitions, environment-days, finalization of reports whose grace period is over.
  const usageDone = runUsageSchedule(services, USAGE_PASS_MS, drift.signal, DEFAULT_WORKER_OPTIONS.sleep);
  // Rollouts: the orchestrator's level-triggered step.
  const rolloutsDone = runRolloutSchedule(
    { ...services, saasKubernetes: config.SAAS_REGION_KUBERNETES },
    ROLLOUT_STEP_MS,
    drift.signal,
    DEFAULT_WORKER_OPTIONS.sleep,
  );
  services.log.info({ workerId, concurrency: config.WORKER_CONCURRENCY, driftCheckMinutes: config.DRIFT_CHECK_MINUTES }, "worker started");

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      services.log.info(
        { signal, graceSeconds: config.WORKER_SHUTDOWN_GRACE_SECONDS },
        "worker stopping: no new claims; running operations are stopped and handed back",
      );
      drift.abort();
      void Promise.all([worker.stop(), driftDone, usageDone, rolloutsDone, closeMetrics()])
        .then(([released]) => released > 0 && services.log.warn({ released }, "shutdown grace ran out; operations handed over unfinished"))
        .then(() => services.db.$disconnect())
        .finally(() => process.exit(0));
    });
  }
}
