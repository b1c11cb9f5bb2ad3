// The one input of the tenant program: everything needed to build one tenant environment.
// The control plane builds it from its database; `pulumi/tenant` builds it from stack config.
import { z } from "zod";
import { NetworkSettingsSchema } from "./network-allowances.ts";

export const PLAN_SIZES = ["SMALL", "MEDIUM", "LARGE"] as const;
export const DEPLOYMENT_MODES = ["SAAS", "MANAGED", "SELF_MANAGED"] as const;
export const ENVIRONMENT_KINDS = ["DEVELOPMENT", "HOMOLOGATION", "PRODUCTION"] as const;

const dnsLabel = z
  .string()
  .min(1)
  .max(63)
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS label: lower-case letters, digits and '-'");

/** One module of a release, as the program needs it (the registry's declaration, without the image). */
export const PlatformModuleSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9-]*$/, "lower-case letters, digits and '-'")
    // The tenant's shared role and queue user end in "_app"/"-app": a module of that name would take their names.
    .refine((n) => n !== "app", '"app" is the name of the platform\'s shared role'),
  /** Where the chart reads this module's settings ("consent" → values.consent, "modules.consent" → values.modules.consent). */
  valuesKey: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/, "a values key such as consent or modules.consent"),
  needsDatabase: z.boolean(),
  needsQueue: z.boolean(),
});
export type PlatformModule = z.infer<typeof PlatformModuleSchema>;

export const TenantEnvironmentSpecSchema = z.strictObject({
  tenant: z.strictObject({ id: z.string().min(1), slug: dnsLabel, legalName: z.string().min(1) }),
  environment: z.strictObject({ id: z.string().min(1), kind: z.enum(ENVIRONMENT_KINDS) }),
  mode: z.enum(["SAAS", "MANAGED"]),
  planSize: z.enum(PLAN_SIZES),
  release: z.strictObject({
    version: z.string().min(1),
    chart: z.string().min(1),
    repository: z.string().min(1),
    /** The modules the release ships; each that connects gets its own database role and queue user. */
    modules: z.array(PlatformModuleSchema).max(50).optional(),
  }),
  target: z.strictObject({
    /** Cluster the namespace lives in; the kubeconfig is a secret, never logged. */
    cluster: z.string().min(1),
    kubeconfig: z.string().optional(),
    /** Hostname suffix of the platform's API gateway, e.g. "sa-east-1.opus.cloud". */
    gatewayDomain: z.string().min(1),
    /** Namespace of the shared ingress gateway allowed to reach the tenant. */
    gatewayNamespace: z.string().min(1),
  }),
  database: z.strictObject({
    host: z.string().min(1),
    port: z.number().int().positive(),
    adminUser: z.string().min(1),
    adminPassword: z.string().min(1),
    sslMode: z.enum(["disable", "require", "verify-full"]),
    /** CIDR the tenant's pods may reach the database on (NetworkPolicy egress). */
    cidr: z.string().min(1),
  }),
  queue: z.strictObject({
    kind: z.literal("rabbitmq"),
    endpoint: z.string().min(1),
    adminUser: z.string().min(1),
    adminPassword: z.string().min(1),
    host: z.string().min(1),
    port: z.number().int().positive(),
    cidr: z.string().min(1),
  }),
  /** What the namespace may reach beyond the database and queue; defaults in network-allowances.ts. */
  network: NetworkSettingsSchema.optional(),
});

export type TenantEnvironmentSpec = z.infer<typeof TenantEnvironmentSpecSchema>;

/** One stack per tenant environment. */
export function stackNameFor(tenantSlug: string, environmentKind: string): string {
  return `${tenantSlug}-${environmentKind.toLowerCase()}`;
}
