// The platform chart's values for one tenant environment, as plain data. Shared by the tenant
// program (PlatformRelease) and the self-managed install bundle, so both install the same thing.
// It only ever names the credentials Secret and its keys: credentials themselves never enter Helm
// values, which Helm stores in plain text in its release records.

import { CREDENTIAL_KEYS, PLATFORM_CREDENTIALS_SECRET, PLATFORM_SERVICE_ACCOUNT, tenantNames } from "./naming.ts";
import { PLAN_SIZING } from "./plan-sizing.ts";
import type { TenantProgramSpec } from "./program-spec.ts";
import { DEAD_LETTER_EXCHANGE, DEAD_LETTER_QUEUE, EVENTS_EXCHANGE } from "./queue-topology.ts";

/** Only the non-secret fields of the spec, so the compiler rules out copying a credential here. */
export type PlatformValuesInput = Pick<TenantProgramSpec, "tenant" | "environment" | "mode" | "planSize"> & {
  target: Pick<TenantProgramSpec["target"], "gatewayDomain">;
  database: Pick<TenantProgramSpec["database"], "host" | "port" | "sslMode">;
  queue: Pick<TenantProgramSpec["queue"], "kind" | "host" | "port">;
  usageReporting?: { endpoint: string } | undefined;
};

export type PlatformValues = ReturnType<typeof buildPlatformValues>;

export function buildPlatformValues(spec: PlatformValuesInput) {
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
