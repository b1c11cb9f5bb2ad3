// Tenant environment specs for tests. Every credential is a distinctive string so a test can
// prove it never appears where it must not.
import type { TenantProgramSpec } from "../../src/program-spec.ts";
import type { TenantEnvironmentSpec } from "../../src/spec.ts";

export const DATABASE_ADMIN_PASSWORD = "DbAdminPasswordNeverInPlainText";
export const QUEUE_ADMIN_PASSWORD = "MqAdminPasswordNeverInPlainText";
export const KUBECONFIG_TOKEN = "KubeconfigTokenNeverInPlainText";
export const USAGE_TOKEN = "UsageReportingTokenNeverInPlainText";

export const KUBECONFIG = `apiVersion: v1
kind: Config
clusters: [{ name: customer, cluster: { server: "https://customer.example:6443" } }]
users: [{ name: opus, user: { token: "${KUBECONFIG_TOKEN}" } }]
contexts: [{ name: customer, context: { cluster: customer, user: opus } }]
current-context: customer
`;

export function tenantSpec(overrides: Partial<TenantEnvironmentSpec> = {}): TenantEnvironmentSpec {
  return {
    tenant: { id: "cm1tenant0000acme", slug: "acme", legalName: "Banco Acme S.A." },
    environment: { id: "cm1env00000prod", kind: "PRODUCTION" },
    mode: "SAAS",
    planSize: "SMALL",
    release: { version: "2.14.0", chart: "opus-platform", repository: "https://charts.opus.io" },
    target: {
      cluster: "saas-sa-east-1",
      gatewayDomain: "sa-east-1.opus.cloud",
      gatewayNamespace: "opus-gateway",
    },
    database: {
      host: "tenants.cluster-abc.sa-east-1.rds.amazonaws.com",
      port: 5432,
      adminUser: "opus_admin",
      adminPassword: DATABASE_ADMIN_PASSWORD,
      sslMode: "verify-full",
      cidr: "10.20.0.0/24",
    },
    queue: {
      kind: "rabbitmq",
      endpoint: "https://mq.internal.opus.cloud:15671",
      adminUser: "opus_admin",
      adminPassword: QUEUE_ADMIN_PASSWORD,
      host: "mq.internal.opus.cloud",
      port: 5671,
      cidr: "10.30.0.0/24",
    },
    ...overrides,
  };
}

export function managedSpec(overrides: Partial<TenantEnvironmentSpec> = {}): TenantEnvironmentSpec {
  const base = tenantSpec(overrides);
  return { ...base, mode: "MANAGED", target: { ...base.target, cluster: "acme-eks-prod", kubeconfig: KUBECONFIG } };
}

export function selfManagedSpec(): TenantProgramSpec {
  return {
    ...tenantSpec(),
    mode: "SELF_MANAGED",
    usageReporting: { endpoint: "https://usage.opus.cloud/v1/events", token: USAGE_TOKEN },
  };
}

export const ALL_CREDENTIALS = [DATABASE_ADMIN_PASSWORD, QUEUE_ADMIN_PASSWORD, KUBECONFIG_TOKEN, USAGE_TOKEN];

/**
 * What the fixtures' namespace may open, written out here (not read from network-allowances.ts) so
 * a change to the defaults is a deliberate change to the tests too.
 */
export const NON_PUBLIC = ["10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"];
export const FIXTURE_ISOLATION_RULES = {
  gatewayNamespace: "opus-gateway",
  monitoring: { namespace: "monitoring", port: 9090 },
  externalEgress: [
    { cidr: "10.20.0.0/24", port: 5432 },
    { cidr: "10.30.0.0/24", port: 5671 },
    { cidr: "0.0.0.0/0", port: 443, except: NON_PUBLIC },
  ],
};
