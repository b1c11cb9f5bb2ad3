// Where SaaS tenants go, per region: the shared cluster and the shared PostgreSQL and RabbitMQ
// servers of that region. It is control-plane configuration (the worker's SAAS_REGIONS, env/worker-env.ts), not
// data: admin credentials of shared servers belong in the deployment's secrets, never in the
// database or the code. The one exception is the local-development default below.
import { TenantEnvironmentSpecSchema } from "@opus/provisioner/spec";
import { z } from "zod";

const spec = TenantEnvironmentSpecSchema.shape;

export const SaasRegionSchema = z.strictObject({
  cluster: spec.target.shape.cluster,
  gatewayDomain: spec.target.shape.gatewayDomain,
  gatewayNamespace: spec.target.shape.gatewayNamespace,
  database: spec.database,
  queue: spec.queue,
  /** Egress CIDRs to the Open Finance Directory and participants, monitoring namespace (optional; defaults in @opus/provisioner). */
  network: spec.network,
});

export type SaasRegion = z.infer<typeof SaasRegionSchema>;

export const SaasRegionsSchema = z
  .record(z.string().min(1), SaasRegionSchema)
  .refine((regions) => Object.keys(regions).length > 0, "configure at least one region");

export type SaasRegions = z.infer<typeof SaasRegionsSchema>;

/** `pnpm start` on a developer machine: the local PostgreSQL and RabbitMQ (refused in production). */
export const LOCAL_SAAS_REGIONS: SaasRegions = {
  "sa-east-1": {
    cluster: "saas-sa-east-1",
    gatewayDomain: "sa-east-1.opus.localhost",
    gatewayNamespace: "opus-gateway",
    database: {
      host: "127.0.0.1",
      port: 5432,
      adminUser: "postgres",
      // The local server trusts 127.0.0.1, so any password works; "postgres" would be masked inside every
      // "postgresql:…" resource name in the logs (secret values are redacted from everything stored).
      adminPassword: "opus-local-admin",
      sslMode: "disable",
      cidr: "127.0.0.1/32",
    },
    queue: {
      kind: "rabbitmq",
      endpoint: "http://127.0.0.1:15672",
      adminUser: "guest",
      adminPassword: "guest",
      host: "127.0.0.1",
      port: 5672,
      cidr: "127.0.0.1/32",
    },
  },
};

/**
 * The Kubernetes version of each region's shared cluster ({"sa-east-1": "1.30"}): upgrades of SaaS
 * environments are checked against the release's supported range with it. Not secret, so the API
 * and the worker both read it (SAAS_REGION_KUBERNETES); a region left out is unknown, not assumed.
 */
export const SaasKubernetesJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'SAAS_REGION_KUBERNETES must be JSON: {"<region>": "<major.minor>"}' });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(
      z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "a region code"),
      z.string().regex(/^v?\d+\.\d+(\.\d+)?$/, "a Kubernetes version such as 1.30"),
    ),
  );

export type SaasKubernetesVersions = Record<string, string>;

/** Parses the SAAS_REGIONS JSON text; messages name the path, never a value (they hold passwords). */
export const SaasRegionsJson = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({
        code: "custom",
        message: 'SAAS_REGIONS must be JSON: {"<region>": {cluster, gatewayDomain, gatewayNamespace, database, queue}}',
      });
      return z.NEVER;
    }
  })
  .pipe(SaasRegionsSchema);
