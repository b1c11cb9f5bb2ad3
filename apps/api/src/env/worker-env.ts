// What the provisioning worker (src/worker.ts) reads: the queue's database, the credentials cipher
// (it alone decrypts managed clusters' credentials), the Pulumi engine and where SaaS tenants go.
import { z } from "zod";
import { parseEnvWith } from "./load-env.ts";
import { LOCAL_SAAS_REGIONS, SaasKubernetesJson, SaasRegionsJson } from "./saas-region-config.ts";
import {
  credentialsPrivateKeysSetting,
  databaseSettings,
  dataDirSetting,
  metricsSettings,
  platformReleaseSettings,
  processSettings,
  pulumiEngineSettings,
  refuseDevCredentialsPrivateKeys,
  refuseDevPulumiSettings,
  refuseInProduction,
  tracingSettings,
  usageReportSettings,
} from "./settings.ts";

const workerSettings = z.object({
  ...processSettings,
  ...databaseSettings,
  ...dataDirSetting,
  ...credentialsPrivateKeysSetting,
  ...platformReleaseSettings,
  ...usageReportSettings,
  ...metricsSettings,
  ...tracingSettings,
  ...pulumiEngineSettings,
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /**
   * A RUNNING operation whose heartbeat is older than this is taken over by another worker. The
   * worker heartbeats five times per lease; leases of a few seconds are for the fault tests.
   */
  WORKER_LEASE_SECONDS: z.coerce.number().int().min(2).max(3600).default(60),
  /** Idle wait between two empty claims of a worker slot. */
  WORKER_POLL_MS: z.coerce.number().int().min(10).max(60_000).default(1_000),
  /** First retry delay of a failed run (full-jitter backoff doubles it per attempt, up to 15 minutes). */
  WORKER_RETRY_BASE_SECONDS: z.coerce.number().min(0.01).max(3600).default(15),
  /**
   * After SIGTERM, how long running operations get to stop cleanly before the worker hands them
   * over anyway. Keep it below the pod's terminationGracePeriodSeconds (the control-plane program
   * grants 300 s and sets 270).
   */
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(270),
  /** Drift check (refresh, preview only) of every ACTIVE environment every N minutes; 0 turns it off. */
  DRIFT_CHECK_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /** JSON: region → shared cluster, PostgreSQL and RabbitMQ of SaaS tenants (see provisioning/saas-region-config.ts). */
  SAAS_REGIONS: SaasRegionsJson.default(LOCAL_SAAS_REGIONS),
  /** JSON: region → Kubernetes version of its shared cluster, for the orchestrator's supported-range check. */
  SAAS_REGION_KUBERNETES: SaasKubernetesJson.default({}),
});

const WorkerEnvSchema = workerSettings.superRefine(
  refuseInProduction<z.output<typeof workerSettings>>([
    refuseDevCredentialsPrivateKeys,
    ...refuseDevPulumiSettings,
    {
      key: "SAAS_REGIONS",
      when: (env) => JSON.stringify(env.SAAS_REGIONS) === JSON.stringify(LOCAL_SAAS_REGIONS),
      message: "set SAAS_REGIONS in production (the default is local)",
    },
  ]),
);

export type WorkerEnv = z.infer<typeof WorkerEnvSchema>;

/** Names the settings this process reads, for the deployment's tests. */
export const WORKER_SETTINGS = Object.keys(workerSettings.shape);

export function parseWorkerEnv(source: Record<string, string | undefined>): WorkerEnv {
  return parseEnvWith("provisioning worker", WorkerEnvSchema, source);
}
