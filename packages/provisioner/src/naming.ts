// Every name the tenant program gives to something outside Pulumi (namespace, database, role,
// vhost, hostname) comes from here, so the program, the Helm values and the self-managed install
// bundle always agree, and length limits are enforced in one place.
import { createHash } from "node:crypto";
import { stackNameFor } from "./spec.ts";

/** Kubernetes namespaces, DNS labels and PostgreSQL identifiers all stop at 63 characters. */
const MAX_NAME_LENGTH = 63;

/** The Pulumi project every tenant stack belongs to: the worker's inline program and pulumi/tenant alike. */
export const TENANT_PROJECT = "opus-tenant";

/** Objects inside the tenant namespace: fixed names, because the namespace already isolates them. */
export const PLATFORM_SERVICE_ACCOUNT = "opus-platform";
export const PLATFORM_CREDENTIALS_SECRET = "opus-platform-credentials";
export const PLATFORM_RELEASE_NAME = "opus-platform";

/** Keys of the credentials Secret; the chart reads them by these names (see platform-values.ts). */
export const CREDENTIAL_KEYS = {
  databaseUser: "DATABASE_USER",
  databasePassword: "DATABASE_PASSWORD",
  databaseUrl: "DATABASE_URL",
  queueUser: "QUEUE_USER",
  queuePassword: "QUEUE_PASSWORD",
  queueUrl: "QUEUE_URL",
  usageReportingToken: "USAGE_REPORTING_TOKEN",
} as const;

/** A module's own credentials in the same Secret: "payments-api" → PAYMENTS_API_DATABASE_USER… */
export function moduleCredentialKeys(module: string) {
  const prefix = module.toUpperCase().replaceAll("-", "_");
  return {
    databaseUser: `${prefix}_DATABASE_USER`,
    databasePassword: `${prefix}_DATABASE_PASSWORD`,
    databaseUrl: `${prefix}_DATABASE_URL`,
    queueUser: `${prefix}_QUEUE_USER`,
    queuePassword: `${prefix}_QUEUE_PASSWORD`,
    queueUrl: `${prefix}_QUEUE_URL`,
  };
}

/** A module's names on the shared servers: its role and schema in the tenant's database, its queue user. */
export function moduleNames(names: TenantNames, module: string) {
  const pgModule = module.replaceAll("-", "_");
  return {
    databaseRole: fitName(`${names.databaseName}_${pgModule}`, "_"),
    schema: pgModule,
    queueUser: fitName(`${names.environment}-${module}`, "-"),
  };
}

export type TenantNames = {
  /** "<slug>-<environment>": the stack, the namespace, the vhost and the gateway host label. */
  environment: string;
  namespace: string;
  databaseName: string;
  databaseRole: string;
  queueVhost: string;
  queueUser: string;
  gatewayHost: string;
};

type NamingInput = {
  tenant: { slug: string };
  environment: { kind: string };
  target: { gatewayDomain: string };
};

export function tenantNames(spec: NamingInput): TenantNames {
  const environment = fitName(stackNameFor(spec.tenant.slug, spec.environment.kind), "-");
  // PostgreSQL accepts '-' only in quoted identifiers; '_' keeps psql sessions and URLs simple.
  const pgBase = environment.replaceAll("-", "_");
  return {
    environment,
    namespace: environment,
    databaseName: pgBase,
    databaseRole: fitName(`${pgBase}_app`, "_"),
    queueVhost: environment,
    queueUser: fitName(`${environment}-app`, "-"),
    gatewayHost: `${environment}.${spec.target.gatewayDomain}`,
  };
}

/**
 * Shortens a name to 63 characters without collisions: a long name keeps its start and gets a
 * hash of the whole, so two long slugs sharing a prefix still map to different names.
 */
export function fitName(name: string, separator: "-" | "_"): string {
  if (name.length <= MAX_NAME_LENGTH) return name;
  const hash = createHash("sha256").update(name).digest("hex").slice(0, 8);
  const head = name.slice(0, MAX_NAME_LENGTH - hash.length - 1).replace(/[-_]+$/, "");
  return `${head}${separator}${hash}`;
}
