// The platform chart's values for one tenant environment, as plain data. Shared by the tenant
// program (PlatformRelease) and the self-managed install bundle, so both install the same thing.
// It only ever names the credentials Secret and its keys: credentials themselves never enter Helm
// values, which Helm stores in plain text in its release records.

import { CREDENTIAL_KEYS, moduleCredentialKeys, PLATFORM_CREDENTIALS_SECRET, PLATFORM_SERVICE_ACCOUNT, tenantNames } from "./naming.ts";
import { PLAN_SIZING } from "./plan-sizing.ts";
import type { TenantProgramSpec } from "./program-spec.ts";
import { DEAD_LETTER_EXCHANGE, DEAD_LETTER_QUEUE, EVENTS_EXCHANGE } from "./queue-topology.ts";
import type { PlatformModule } from "./spec.ts";

/** Only the non-secret fields of the spec, so the compiler rules out copying a credential here. */
export type PlatformValuesInput = Pick<TenantProgramSpec, "tenant" | "environment" | "mode" | "planSize"> & {
  target: Pick<TenantProgramSpec["target"], "gatewayDomain">;
  database: Pick<TenantProgramSpec["database"], "host" | "port" | "sslMode">;
  queue: Pick<TenantProgramSpec["queue"], "kind" | "host" | "port">;
  usageReporting?: { endpoint: string } | undefined;
  release?: { modules?: PlatformModule[] | undefined } | undefined;
};

export type PlatformValues = ReturnType<typeof buildPlatformValues>;

export function buildPlatformValues(spec: PlatformValuesInput) {
  const base = sharedValues(spec);
  return withModuleValues(base, spec.release?.modules ?? []) as typeof base & Record<string, unknown>;
}

/**
 * Each module that connects reads its own credentials (module-database-roles.ts, its queue user)
 * at its values key: `<valuesKey>.database` / `<valuesKey>.queue` name the Secret and its keys.
 */
function withModuleValues(base: Record<string, unknown>, modules: PlatformModule[]): Record<string, unknown> {
  const values = structuredClone(base);
  for (const m of modules) {
    if (!m.needsDatabase && !m.needsQueue) continue;
    const keys = moduleCredentialKeys(m.name);
    let node = values;
    for (const part of m.valuesKey.split(".")) {
      const next = node[part] ?? {};
      if (typeof next !== "object" || next === null || Array.isArray(next) || (node === values && part in base)) {
        throw new Error(`Module ${m.name}: values key "${m.valuesKey}" would overwrite the platform's own "${part}" values.`);
      }
      node[part] = next;
      node = next as Record<string, unknown>;
    }
    if (m.needsDatabase) {
      node.database = {
        existingSecret: PLATFORM_CREDENTIALS_SECRET,
        secretKeys: { username: keys.databaseUser, password: keys.databasePassword, url: keys.databaseUrl },
      };
    }
    if (m.needsQueue) {
      node.queue = {
        existingSecret: PLATFORM_CREDENTIALS_SECRET,
        secretKeys: { username: keys.queueUser, password: keys.queuePassword, url: keys.queueUrl },
      };
    }
  }
  return values;
}

function sharedValues(spec: PlatformValuesInput) {
  const names = tenantNames(spec);
  const { autoscaling } = PLAN_SIZING[spec.planSize];
  return {
    global: {
      tenant: { id: spec.tenant.id, slug: spec.tenant.slug, legalName: spec.tenant.legalName },
      environment: spec.environment.kind.toLowerCase(),
      deploymentMode: spec.mode.toLowerCase().replaceAll("_", "-"),
    },
    // Created by the tenant program with a namespaced Role; the chart must not make its own.
    serviceAccount: { create: false, name: PLATFORM_SERVICE_ACCOUNT },
    gateway: { host: names.gatewayHost },
    database: {
      host: spec.database.host,
      port: spec.database.port,
      name: names.databaseName,
      sslMode: spec.database.sslMode,
      existingSecret: PLATFORM_CREDENTIALS_SECRET,
      secretKeys: {
        username: CREDENTIAL_KEYS.databaseUser,
        password: CREDENTIAL_KEYS.databasePassword,
        url: CREDENTIAL_KEYS.databaseUrl,
      },
    },
    queue: {
      kind: spec.queue.kind,
      host: spec.queue.host,
      port: spec.queue.port,
      vhost: names.queueVhost,
      existingSecret: PLATFORM_CREDENTIALS_SECRET,
      secretKeys: {
        username: CREDENTIAL_KEYS.queueUser,
        password: CREDENTIAL_KEYS.queuePassword,
        url: CREDENTIAL_KEYS.queueUrl,
      },
      exchanges: { events: EVENTS_EXCHANGE, deadLetter: DEAD_LETTER_EXCHANGE },
      deadLetterQueue: DEAD_LETTER_QUEUE,
    },
    // Every module scales on CPU and memory between the plan's bounds.
    autoscaling: {
      enabled: true,
      minReplicas: autoscaling.minReplicas,
      maxReplicas: autoscaling.maxReplicas,
      targetCPUUtilizationPercentage: 70,
      targetMemoryUtilizationPercentage: 80,
    },
    usageReporting: spec.usageReporting
      ? {
          enabled: true,
          endpoint: spec.usageReporting.endpoint,
          existingSecret: PLATFORM_CREDENTIALS_SECRET,
          secretKeys: { token: CREDENTIAL_KEYS.usageReportingToken },
        }
      : // SaaS and managed installations are metered by Opus directly.
        { enabled: false },
  };
}
