// How a tenant environment is written as Pulumi stack config (Pulumi.<stack>.yaml of the
// `opus-tenant` project) and read back. The install bundle writes it; pulumi/tenant reads it. Both
// sides use this module, so a key can only be renamed in one place.
//
// Non-secret settings are structured objects; each credential is its own flat key, set by the
// operator with `pulumi config set --secret` and read with `config.requireSecret`, because the
// bundle cannot encrypt for a stack whose secrets provider it does not know.
import { z } from "zod";
import { TENANT_PROJECT } from "./naming.ts";
import type { TenantProgramSpec } from "./program-spec.ts";
import { DEPLOYMENT_MODES, TenantEnvironmentSpecSchema } from "./spec.ts";

const shape = TenantEnvironmentSpecSchema.shape;

export const TenantStackConfigSchema = z
  .strictObject({
    tenant: shape.tenant,
    environment: shape.environment,
    mode: z.enum(DEPLOYMENT_MODES),
    planSize: shape.planSize,
    release: shape.release,
    target: shape.target.omit({ kubeconfig: true }),
    database: shape.database.omit({ adminPassword: true }),
    queue: shape.queue.omit({ adminPassword: true }),
    usageReporting: z.strictObject({ endpoint: z.url() }).optional(),
    network: shape.network,
  })
  .refine((c) => c.mode !== "SELF_MANAGED" || c.usageReporting !== undefined, {
    path: ["usageReporting"],
    message: "self-managed installations must report usage: set usageReporting.endpoint",
  });

export type TenantStackConfig = z.infer<typeof TenantStackConfigSchema>;

/** Keys holding objects (JSON in the config) and keys holding plain strings. */
export const OBJECT_CONFIG_KEYS = ["tenant", "environment", "release", "target", "database", "queue", "usageReporting", "network"] as const;
export const SCALAR_CONFIG_KEYS = ["mode", "planSize"] as const;

export const SECRET_CONFIG_KEYS = {
  databaseAdminPassword: "databaseAdminPassword",
  queueAdminPassword: "queueAdminPassword",
  /** Only when the cluster is not the ambient one (a managed tenant run by hand). */
  kubeconfig: "kubeconfig",
  usageReportingToken: "usageReportingToken",
} as const;

export type StackSecrets<T> = {
  databaseAdminPassword: T;
  queueAdminPassword: T;
  kubeconfig?: T | undefined;
  usageReportingToken?: T | undefined;
};

/** Validates raw config values, with every problem listed by key. */
export function parseTenantStackConfig(raw: Record<string, unknown>): TenantStackConfig {
  const parsed = TenantStackConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${TENANT_PROJECT}:${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid stack configuration:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

/** The `config:` section of Pulumi.<stack>.yaml for these settings (no credentials). */
export function stackConfigEntries(config: TenantStackConfig): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const key of [...SCALAR_CONFIG_KEYS, ...OBJECT_CONFIG_KEYS]) {
    if (config[key] !== undefined) entries[`${TENANT_PROJECT}:${key}`] = config[key];
  }
  return entries;
}

/** Joins validated settings and credentials into the tenant program's input. */
export function programSpecFrom<T extends TenantProgramSpec["database"]["adminPassword"]>(
  config: TenantStackConfig,
  secrets: StackSecrets<T>,
): TenantProgramSpec {
  const { usageReporting, ...settings } = config;
  if (usageReporting && secrets.usageReportingToken === undefined) {
    throw new Error(`Usage reporting is configured but ${TENANT_PROJECT}:${SECRET_CONFIG_KEYS.usageReportingToken} is not set.`);
  }
  return {
    ...settings,
    target: { ...config.target, ...(secrets.kubeconfig === undefined ? {} : { kubeconfig: secrets.kubeconfig }) },
    database: { ...config.database, adminPassword: secrets.databaseAdminPassword },
    queue: { ...config.queue, adminPassword: secrets.queueAdminPassword },
    ...(usageReporting && secrets.usageReportingToken !== undefined
      ? { usageReporting: { endpoint: usageReporting.endpoint, token: secrets.usageReportingToken } }
      : {}),
  };
}
