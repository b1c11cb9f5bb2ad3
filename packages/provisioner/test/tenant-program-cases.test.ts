// The tenant program outside the mode × plan grid: self-managed installs, refusals, chart
// sources, names at their length limits, and proof that the schema and isolation checks used in
// tenant-program.test.ts do reject bad objects.
import { describe, expect, it } from "vitest";
import { tenantNames } from "../src/naming.ts";
import { createTenantProgram } from "../src/tenant-program.ts";
import { FIXTURE_ISOLATION_RULES, KUBECONFIG, managedSpec, selfManagedSpec, tenantSpec, USAGE_TOKEN } from "./support/fixtures.ts";
import { isolationViolations } from "./support/isolation-policy.ts";
import { toManifest, validateKubernetesObject } from "./support/kubernetes-schemas.ts";
import { isSecretValue, type RecordedResource, revealSecrets, runWithMocks, withoutSecrets } from "./support/pulumi-mocks.ts";

const RULES = FIXTURE_ISOLATION_RULES;

async function resourcesOf(spec: Parameters<typeof createTenantProgram>[0]): Promise<RecordedResource[]> {
  const run = await runWithMocks("acme-production", async () => {
    const program = await import("../src/tenant-program.ts");
    return program.createTenantProgram(spec)();
  });
  return run.resources;
}

function find(resources: RecordedResource[], type: string, name?: string): RecordedResource {
  const found = resources.find((r) => r.type === type && (name === undefined || r.name === name));
  if (!found) throw new Error(`no ${type} ${name ?? ""}`);
  return found;
}

describe("self-managed installation (pulumi/tenant run by the customer)", () => {
  it("adds the usage-reporting token to the Secret, and only its endpoint to the values", async () => {
    const resources = await resourcesOf(selfManagedSpec());
    const secret = find(resources, "kubernetes:core/v1:Secret");
    expect(isSecretValue(secret.inputs.stringData)).toBe(true);
    expect((revealSecrets(secret.inputs.stringData) as Record<string, string>).USAGE_REPORTING_TOKEN).toBe(USAGE_TOKEN);

    const values = find(resources, "kubernetes:helm.sh/v3:Release").inputs.values as Record<string, Record<string, unknown>>;
    expect(values.usageReporting).toEqual({
      enabled: true,
      endpoint: "https://usage.opus.cloud/v1/events",
      existingSecret: "opus-platform-credentials",
      secretKeys: { token: "USAGE_REPORTING_TOKEN" },
    });
    expect(values.global?.deploymentMode).toBe("self-managed");
    for (const resource of resources) expect(JSON.stringify(withoutSecrets(resource.inputs))).not.toContain(USAGE_TOKEN);
    // The customer's own ambient cluster credentials.
    expect(find(resources, "pulumi:providers:kubernetes").inputs.kubeconfig).toBeUndefined();
  });

  it("disables usage reporting in the values of Opus-operated installations", async () => {
    const resources = await resourcesOf(tenantSpec());
    const values = find(resources, "kubernetes:helm.sh/v3:Release").inputs.values as Record<string, unknown>;
    expect(values.usageReporting).toEqual({ enabled: false });
    expect(revealSecrets(find(resources, "kubernetes:core/v1:Secret").inputs.stringData) as object).not.toHaveProperty(
      "USAGE_REPORTING_TOKEN",
    );
  });
});

describe("refusals and variants", () => {
  it("refuses a managed environment without the customer's kubeconfig before anything runs", () => {
    const spec = managedSpec();
    spec.target = { ...spec.target, kubeconfig: undefined };
    expect(() => createTenantProgram(spec)).toThrow(/acme\/PRODUCTION is MANAGED but has no target\.kubeconfig/);
  });

  it("uses a kubeconfig given to a SaaS environment (another Opus cluster) as a secret", async () => {
    const spec = tenantSpec();
    spec.target = { ...spec.target, kubeconfig: KUBECONFIG };
    const provider = find(await resourcesOf(spec), "pulumi:providers:kubernetes");
    expect(isSecretValue(provider.inputs.kubeconfig)).toBe(true);
  });

  it("addresses an OCI chart by URL instead of through a Helm repository", async () => {
    const spec = tenantSpec({ release: { version: "2.14.0", chart: "opus-platform", repository: "oci://registry.opus.io/charts/" } });
    const release = find(await resourcesOf(spec), "kubernetes:helm.sh/v3:Release");
    expect(release.inputs.chart).toBe("oci://registry.opus.io/charts/opus-platform");
    expect(release.inputs.repositoryOpts).toBeUndefined();
  });

  it("uses plain AMQP off the TLS port", async () => {
    const base = tenantSpec();
    const spec = tenantSpec({ queue: { ...base.queue, port: 5672 } });
    const secret = find(await resourcesOf(spec), "kubernetes:core/v1:Secret");
    expect((revealSecrets(secret.inputs.stringData) as Record<string, string>).QUEUE_URL).toMatch(/^amqp:\/\/.*:5672\/acme-production$/);
  });
});

describe("names", () => {
  it("keeps environments of one tenant apart", () => {
    const production = tenantNames(tenantSpec());
    const homologation = tenantNames(tenantSpec({ environment: { id: "e2", kind: "HOMOLOGATION" } }));
    expect(homologation).toMatchObject({
      namespace: "acme-homologation",
      databaseName: "acme_homologation",
      queueVhost: "acme-homologation",
    });
    for (const key of ["namespace", "databaseName", "databaseRole", "queueVhost", "queueUser", "gatewayHost"] as const) {
      expect(homologation[key]).not.toBe(production[key]);
    }
  });

  it("shortens long slugs to 63 characters without making two tenants collide", () => {
    const slugA = `${"a".repeat(60)}-x`;
    const slugB = `${"a".repeat(60)}-y`;
    const target = tenantSpec().target;
    const a = tenantNames({ tenant: { slug: slugA }, environment: { kind: "HOMOLOGATION" }, target });
    const b = tenantNames({ tenant: { slug: slugB }, environment: { kind: "HOMOLOGATION" }, target });
    for (const names of [a, b]) {
      expect(names.namespace).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect(names.namespace.length).toBeLessThanOrEqual(63);
      expect(names.databaseRole.length).toBeLessThanOrEqual(63);
      expect(names.databaseName).toMatch(/^[a-z0-9_]+$/);
    }
    expect(a.namespace).not.toBe(b.namespace);
    expect(a.databaseName).not.toBe(b.databaseName);
  });
});

describe("the checks themselves catch bad objects", () => {
  it("rejects a NetworkPolicy the Kubernetes API would refuse", async () => {
    const resources = await resourcesOf(tenantSpec());
    const dns = find(resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "acme-production-network-allow-dns-egress");
    const good = toManifest(dns) as { spec: { egress: { ports: { protocol: string; port: unknown }[] }[] } };
    expect(() => validateKubernetesObject(dns.type, good)).not.toThrow();

    const bad = structuredClone(good);
    (bad.spec.egress[0]?.ports[0] as { protocol: string }).protocol = "ICMP";
    expect(() => validateKubernetesObject(dns.type, bad)).toThrow(/protocol must be equal to one of the allowed values/);
  });

  it("rejects a Role whose rules are not lists", () => {
    const role = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: { name: "r", namespace: "n" },
      rules: [{ verbs: "get" }],
    };
    expect(() => validateKubernetesObject("kubernetes:rbac.authorization.k8s.io/v1:Role", role)).toThrow(/verbs must be array/);
  });

  it("refuses to pass an object kind it has no schema for", () => {
    expect(() => validateKubernetesObject("kubernetes:core/v1:Pod", { apiVersion: "v1", kind: "Pod" })).toThrow(/No Kubernetes schema/);
  });

  it("flags a namespace without default deny, an egress to the internet and an ingress from another namespace", async () => {
    const resources = await resourcesOf(tenantSpec());
    expect(isolationViolations(resources, RULES)).toEqual([]);

    const withoutDenyAll = resources.filter((r) => r.name !== "acme-production-network-default-deny-all");
    expect(isolationViolations(withoutDenyAll, RULES)).toEqual([
      "namespace acme-production has no default-deny (ingress and egress) NetworkPolicy",
    ]);

    const policy = (name: string, spec: object): RecordedResource => ({
      type: "kubernetes:networking.k8s.io/v1:NetworkPolicy",
      name,
      custom: true,
      provider: undefined,
      inputs: { metadata: { name, namespace: "acme-production" }, spec },
    });
    const internet = policy("allow-internet", {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr: "0.0.0.0/0" } }], ports: [{ protocol: "TCP", port: 443 }] }],
    });
    const otherTenant = policy("allow-other", {
      podSelector: {},
      policyTypes: ["Ingress"],
      ingress: [{ from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "globex-production" } } }] }],
    });
    const wideDatabase = policy("allow-db-any-port", {
      podSelector: {},
      policyTypes: ["Egress"],
      egress: [{ to: [{ ipBlock: { cidr: "10.20.0.0/24" } }] }],
    });
    const violations = isolationViolations([...resources, internet, otherTenant, wideDatabase], RULES);
    expect(violations).toHaveLength(3);
    expect(violations[0]).toMatch(/allow-internet: egress to .*0\.0\.0\.0\/0/);
    expect(violations[1]).toMatch(/allow-other: ingress from .*globex-production/);
    expect(violations[2]).toMatch(/allow-db-any-port: egress to 10\.20\.0\.0\/24 on ports other than TCP 5432/);
  });
});
