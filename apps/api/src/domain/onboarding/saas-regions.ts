// Regions where Opus runs SaaS tenants. The provisioning configuration (shared cluster and services
// per region) is keyed by these codes.
export const SAAS_REGIONS = ["sa-east-1", "southamerica-east1", "brazilsouth"] as const;
export type SaasRegion = (typeof SAAS_REGIONS)[number];
