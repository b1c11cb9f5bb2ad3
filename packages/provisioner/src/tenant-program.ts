// The tenant program: everything one tenant environment needs, as one Pulumi program. The
// control plane's worker runs it through the Automation API (pulumi-engine.ts); pulumi/tenant
// runs the same program from stack config for break-glass and self-managed installs.
import * as pulumi from "@pulumi/pulumi";
import { assertKubernetesTarget, createKubernetesProvider } from "./kubernetes-provider.ts";
import { tenantLabels } from "./labels.ts";
import { CREDENTIAL_KEYS, moduleCredentialKeys, moduleNames, PLATFORM_CREDENTIALS_SECRET, tenantNames } from "./naming.ts";
import { isInClusterService, networkAllowances } from "./network-allowances.ts";
import { PLAN_SIZING } from "./plan-sizing.ts";
import { PlatformRelease } from "./platform-release.ts";
import { buildPlatformValues } from "./platform-values.ts";
import type { TenantProgramSpec } from "./program-spec.ts";
import { TenantDatabase } from "./tenant-database.ts";
import { TenantNamespace } from "./tenant-namespace.ts";
import { TenantQueue } from "./tenant-queue.ts";

export type { TenantProgramSpec } from "./program-spec.ts";

export type TenantProgramOutputs = {
  namespace: pulumi.Output<string>;
  databaseName: pulumi.Output<string>;
  queueVhost: pulumi.Output<string>;
  gatewayUrl: pulumi.Output<string>;
  /** Secret. */
  databaseCredentials: pulumi.Output<{ username: string; password: string }>;
  /** Secret. */
  queueCredentials: pulumi.Output<{ username: string; password: string; url: string }>;
};

export function createTenantProgram(spec: TenantProgramSpec): () => Promise<TenantProgramOutputs> {
  assertKubernetesTarget(spec);
  return async () => {
    const names = tenantNames(spec);
    const labels = tenantLabels(spec);
    const sizing = PLAN_SIZING[spec.planSize];
    // Component names are the environment name; each component derives its children's names
    // from its own, so two tenants (or two environments) never collide in one state backend.
    const name = names.environment;

    const kubernetes = createKubernetesProvider(name, spec);

    const namespace = new TenantNamespace(
      name,
      {
        namespace: names.namespace,
        labels,
        sizing,
        gatewayNamespace: spec.target.gatewayNamespace,
        database: { cidr: spec.database.cidr, port: spec.database.port },
        queue: { cidr: spec.queue.cidr, port: spec.queue.port },
        network: networkAllowances(spec.network, spec.usageReporting !== undefined && !isInClusterService(spec.usageReporting.endpoint)),
        readableSecrets: [PLATFORM_CREDENTIALS_SECRET],
      },
      { providers: [kubernetes] },
    );

    // Least privilege per module (the deployment guide's one user per module): roles and queue
    // users follow the release's declared modules, so an upgrade that adds one creates its access.
    const modules = spec.release.modules ?? [];
    const database = new TenantDatabase(name, {
      server: spec.database,
      databaseName: names.databaseName,
      roleName: names.databaseRole,
      connectionLimit: sizing.databaseConnectionLimit,
      modules: modules
        .filter((m) => m.needsDatabase)
        .map((m) => ({ module: m.name, role: moduleNames(names, m.name).databaseRole, schema: moduleNames(names, m.name).schema })),
    });

    const queue = new TenantQueue(name, {
      server: spec.queue,
      isolation: names.queueVhost,
      username: names.queueUser,
      modules: modules.filter((m) => m.needsQueue).map((m) => ({ module: m.name, username: moduleNames(names, m.name).queueUser })),
    });

    const credentials: Record<string, pulumi.Input<string>> = {
      [CREDENTIAL_KEYS.databaseUser]: database.username,
      [CREDENTIAL_KEYS.databasePassword]: database.password,
      [CREDENTIAL_KEYS.databaseUrl]: database.url,
      [CREDENTIAL_KEYS.queueUser]: queue.username,
      [CREDENTIAL_KEYS.queuePassword]: queue.password,
      [CREDENTIAL_KEYS.queueUrl]: queue.url,
    };
    if (spec.usageReporting) credentials[CREDENTIAL_KEYS.usageReportingToken] = spec.usageReporting.token;
    for (const [module, access] of Object.entries(database.modules)) {
      const keys = moduleCredentialKeys(module);
      credentials[keys.databaseUser] = access.username;
      credentials[keys.databasePassword] = access.password;
      credentials[keys.databaseUrl] = access.url;
    }
    for (const [module, access] of Object.entries(queue.modules)) {
      const keys = moduleCredentialKeys(module);
      credentials[keys.queueUser] = access.username;
      credentials[keys.queuePassword] = access.password;
      credentials[keys.queueUrl] = access.url;
    }

    new PlatformRelease(
      name,
      {
        namespace: namespace.name,
        labels,
        chart: { name: spec.release.chart, repository: spec.release.repository, version: spec.release.version },
        values: buildPlatformValues(spec),
        credentials,
        after: [namespace],
      },
      { providers: [kubernetes] },
    );

    return {
      namespace: namespace.name,
      databaseName: database.databaseName,
      queueVhost: queue.vhost,
      gatewayUrl: pulumi.output(`https://${names.gatewayHost}`),
      databaseCredentials: pulumi.secret({ username: database.username, password: database.password }),
      queueCredentials: pulumi.secret({ username: queue.username, password: queue.password, url: queue.url }),
    };
  };
}
