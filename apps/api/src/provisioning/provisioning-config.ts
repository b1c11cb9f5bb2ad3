// What the worker needs from the control plane's configuration, separated from Env so tests and
// the benchmark build it directly.
import type { PlatformRelease } from "../domain/domain-context.ts";
import type { SaasRegions } from "../env/saas-region-config.ts";
import type { Env } from "../env.ts";

export type { PlatformRelease };

export type ProvisioningConfig = {
  saasRegions: SaasRegions;
  /** The release environments get until they have one of their own. */
  defaultRelease: PlatformRelease;
};

export function provisioningConfigFrom(env: Env): ProvisioningConfig {
  return {
    saasRegions: env.SAAS_REGIONS,
    defaultRelease: { version: env.PLATFORM_VERSION, chart: env.PLATFORM_CHART, repository: env.PLATFORM_CHART_REPOSITORY },
  };
}
