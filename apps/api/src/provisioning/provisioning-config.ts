// What the worker needs from the control plane's configuration, separated from its environment so
// tests and the benchmark build it directly.
import type { PlatformRelease } from "../domain/domain-context.ts";
import type { SaasRegions } from "../env/saas-region-config.ts";
import type { WorkerEnv } from "../env/worker-env.ts";

export type { PlatformRelease };

export type ProvisioningConfig = {
  saasRegions: SaasRegions;
  /** The release environments get until they have one of their own. */
  defaultRelease: PlatformRelease;
};

type PlatformReleaseEnv = Pick<WorkerEnv, "PLATFORM_VERSION" | "PLATFORM_CHART" | "PLATFORM_CHART_REPOSITORY">;

/** Read by the API (install bundles) and the worker (new environments) alike. */
export function platformReleaseFrom(env: PlatformReleaseEnv): PlatformRelease {
  return { version: env.PLATFORM_VERSION, chart: env.PLATFORM_CHART, repository: env.PLATFORM_CHART_REPOSITORY };
}

export function provisioningConfigFrom(env: PlatformReleaseEnv & Pick<WorkerEnv, "SAAS_REGIONS">): ProvisioningConfig {
  return { saasRegions: env.SAAS_REGIONS, defaultRelease: platformReleaseFrom(env) };
}
