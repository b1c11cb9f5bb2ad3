// What the provisioning worker (src/worker.ts) reads: the queue's database, the credentials cipher
// (it alone decrypts managed clusters' credentials), the Pulumi engine and where SaaS tenants go.
import { z } from "zod";
import { parseEnvWith } from "./load-env.ts";
import { LOCAL_SAAS_REGIONS, SaasRegionsJson } from "./saas-region-config.ts";
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
  /** A RUNNING operation whose heartbeat is older than this is taken over by another worker. */
  WORKER_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
  /** Drift check (refresh, preview only) of every ACTIVE environment every N minutes; 0 turns it off. */
  DRIFT_CHECK_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
  /** JSON: region → shared cluster, PostgreSQL and RabbitMQ of SaaS tenants (see provisioning/saas-region-config.ts). */
  SAAS_REGIONS: SaasRegionsJson.default(LOCAL_SAAS_REGIONS),
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
