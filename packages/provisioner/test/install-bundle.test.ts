// The self-managed install bundle: deterministic files, valid YAML that pulumi/tenant's config
// reader and the chart accept, the given token and no other credential.
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { createInstallBundle, type InstallBundleInput } from "../src/install-bundle.ts";
import { buildPlatformValues } from "../src/platform-values.ts";
import { REPORT_AGENT_NAME, reportAgentOrigin } from "../src/report-agent-values.ts";
import { OBJECT_CONFIG_KEYS, parseTenantStackConfig, programSpecFrom, SCALAR_CONFIG_KEYS } from "../src/stack-config.ts";
import { selfManagedSpec } from "./support/fixtures.ts";
import { helmTemplate, type K8sObject } from "./support/helm.ts";

const TOKEN = "opus_usage_9f4c2a7e1b3d5f60";

function bundleInput(overrides: Partial<InstallBundleInput["config"]> = {}): InstallBundleInput {
  const { database, queue, target, usageReporting, ...rest } = selfManagedSpec();
  return {
    config: {
      ...rest,
      target: { cluster: target.cluster, gatewayDomain: target.gatewayDomain, gatewayNamespace: target.gatewayNamespace },
      database: { host: database.host, port: database.port, adminUser: database.adminUser, sslMode: database.sslMode, cidr: database.cidr },
      queue: {
        kind: queue.kind,
        endpoint: queue.endpoint,
        adminUser: queue.adminUser,
        host: queue.host,
        port: queue.port,
        cidr: queue.cidr,
      },
      usageReporting: { endpoint: usageReporting?.endpoint ?? "" },
      ...overrides,
    },
    usageReportingToken: TOKEN,
    reportAgent: { controlPlaneUrl: "https://opus.example", image: "registry.opus.io/control-plane/agent:1.4.0" },
  };
}

function file(bundle: ReturnType<typeof createInstallBundle>, filePath: string): string {
  const found = bundle.files.find((f) => f.path === filePath);
  if (!found) throw new Error(`no ${filePath} in the bundle`);
  return found.content;
}

describe("install bundle", () => {
  it("contains the stack config, the Helm values, the token and instructions", () => {
    const bundle = createInstallBundle(bundleInput());
    expect(bundle.stackName).toBe("acme-production");
    expect(bundle.files.map((f) => f.path)).toEqual([
      "README.md",
      "pulumi/Pulumi.acme-production.yaml",
      "helm/values.yaml",
      "agent/report-agent-values.yaml",
      "usage-reporting-token",
    ]);
    expect(file(bundle, "usage-reporting-token")).toBe(TOKEN);
  });

  it("is pure: the same input gives the same bytes", () => {
    expect(createInstallBundle(bundleInput())).toEqual(createInstallBundle(bundleInput()));
  });

  it("writes stack config that pulumi/tenant reads back into the same settings", () => {
    const input = bundleInput();
    const stackFile = load(file(createInstallBundle(input), "pulumi/Pulumi.acme-production.yaml")) as { config: Record<string, unknown> };
    // What pulumi/tenant's config.ts does: one key per setting under the project's namespace.
    const raw: Record<string, unknown> = {};
    for (const key of [...SCALAR_CONFIG_KEYS, ...OBJECT_CONFIG_KEYS]) raw[key] = stackFile.config[`opus-tenant:${key}`];
    const config = parseTenantStackConfig(raw);
    expect(config).toEqual(input.config);

    const spec = programSpecFrom(config, { databaseAdminPassword: "a", queueAdminPassword: "b", usageReportingToken: TOKEN });
    expect(spec).toMatchObject({ mode: "SELF_MANAGED", database: { adminPassword: "a" }, usageReporting: { token: TOKEN } });
  });

  it("writes the same Helm values the tenant program releases, parsed back from YAML", () => {
    const input = bundleInput();
    const values = load(file(createInstallBundle(input), "helm/values.yaml"));
    expect(values).toEqual(buildPlatformValues(input.config));
    expect(values).toMatchObject({
      database: { existingSecret: "opus-platform-credentials" },
      usageReporting: { enabled: true, endpoint: "https://usage.opus.cloud/v1/events" },
      autoscaling: { minReplicas: 1, maxReplicas: 3 },
    });
  });

  it("keeps the token out of the config and values, and names every credential the operator must set", () => {
    const bundle = createInstallBundle(bundleInput());
    expect(file(bundle, "pulumi/Pulumi.acme-production.yaml")).not.toContain(TOKEN);
    expect(file(bundle, "helm/values.yaml")).not.toContain(TOKEN);
    const readme = file(bundle, "README.md");
    expect(readme).toContain("pulumi stack init acme-production");
    for (const key of ["databaseAdminPassword", "queueAdminPassword", "usageReportingToken"]) {
      expect(readme).toContain(`pulumi config set --secret ${key}`);
    }
    expect(readme).toContain("--from-file=USAGE_REPORTING_TOKEN=usage-reporting-token");
    expect(readme).toContain("helm upgrade --install opus-platform opus-platform --repo https://charts.opus.io");
  });

  it("quotes values that YAML would otherwise misread", () => {
    const bundle = createInstallBundle(
      bundleInput({
        tenant: { id: "cm1tenant0000acme", slug: "acme", legalName: 'Banco "Acme": S.A. # 1' },
        release: { version: "2.10", chart: "opus-platform", repository: "oci://registry.opus.io/charts" },
      }),
    );
    const values = load(file(bundle, "helm/values.yaml")) as { global: { tenant: { legalName: string } } };
    expect(values.global.tenant.legalName).toBe('Banco "Acme": S.A. # 1');
    const stack = load(file(bundle, "pulumi/Pulumi.acme-production.yaml")) as { config: Record<string, { version: unknown }> };
    expect(stack.config["opus-tenant:release"]?.version).toBe("2.10"); // a string, not the number 2.1
    expect(file(bundle, "README.md")).toContain("helm upgrade --install opus-platform oci://registry.opus.io/charts/opus-platform");
  });

  it("refuses installations Opus operates, a missing usage endpoint and a truncated token", () => {
    expect(() => createInstallBundle(bundleInput({ mode: "SAAS" }))).toThrow(/install bundles are for SELF_MANAGED/);
    const { usageReporting: _, ...withoutUsage } = bundleInput().config;
    expect(() => createInstallBundle({ ...bundleInput(), config: withoutUsage })).toThrow(/must report usage/);
    expect(() => createInstallBundle({ ...bundleInput(), usageReportingToken: "short" })).toThrow(/looks truncated/);
  });

  it("sets up the report-only agent through the agent's chart: its mode, where it reports, the token from a Secret, a persistent outbox", () => {
    const bundle = createInstallBundle(bundleInput());
    const readme = file(bundle, "README.md");
    // The README's command, rendered by the real helm with the bundle's values file.
    expect(readme).toContain(
      "helm upgrade --install opus-report-agent opus-agent --repo https://charts.opus.io \\\n  --version 1.0.0 --namespace acme-production --values agent/report-agent-values.yaml",
    );
    const rendered = helmTemplate(load(file(bundle, "agent/report-agent-values.yaml")), {
      release: REPORT_AGENT_NAME,
      namespace: "acme-production",
    });
    if (!rendered.ok) throw new Error(rendered.error);
    const byKind = (kind: string) => rendered.objects.find((d) => d.kind === kind) as K8sObject;
    const pod = byKind("Deployment").spec.template.spec;
    const container = pod.containers[0];
    const env = Object.fromEntries(
      container.env.map((e: { name: string; value?: string; valueFrom?: unknown }) => [e.name, e.value ?? e.valueFrom]),
    );
    expect(container.image).toBe("registry.opus.io/control-plane/agent:1.4.0");
    expect(env).toMatchObject({
      AGENT_MODE: "report-only",
      CONTROL_PLANE_URL: "https://opus.example",
      AGENT_REPORT_PORT: "9470",
      AGENT_KEY: { secretKeyRef: { name: "opus-report-agent", key: "AGENT_KEY" } },
    });
    expect(pod.volumes).toContainEqual({ name: "state", persistentVolumeClaim: { claimName: "opus-report-agent-outbox" } });
    expect(byKind("Deployment").spec).toMatchObject({ replicas: 1, strategy: { type: "Recreate" } });
    // The address the platform is given (reportAgentOrigin, in helm/values.yaml) is that release's Service.
    const service = byKind("Service");
    expect(reportAgentOrigin("acme-production")).toBe(`http://${service.metadata.name}.acme-production.svc:${service.spec.ports[0].port}`);
    // In: only pods of its own namespace (the platform's), on the reports port.
    expect(byKind("NetworkPolicy").spec.ingress).toEqual([{ from: [{ podSelector: {} }], ports: [{ port: 9470, protocol: "TCP" }] }]);
    // The token is only referenced: it goes into the Secret the README creates from the token file.
    expect(file(bundle, "agent/report-agent-values.yaml")).not.toContain(TOKEN);
    expect(rendered.text).not.toContain(TOKEN);
    expect(readme).toContain(
      "kubectl create secret generic opus-report-agent --namespace acme-production --from-file=AGENT_KEY=usage-reporting-token",
    );
    expect(readme).toContain("http://opus-report-agent.acme-production.svc:9470");
    expect(readme).not.toContain("with the agent image Opus gives you");
  });

  it("says to set the agent's image when the control plane does not know it", () => {
    const bundle = createInstallBundle({ ...bundleInput(), reportAgent: { controlPlaneUrl: "https://opus.example" } });
    expect(load(file(bundle, "agent/report-agent-values.yaml"))).not.toHaveProperty("image");
    expect(file(bundle, "README.md")).toContain("Add `--set image.repository=…,image.tag=…` with the agent image Opus gives you.");
  });

  it("refuses a report-only agent without a control-plane origin", () => {
    expect(() => createInstallBundle({ ...bundleInput(), reportAgent: { controlPlaneUrl: "opus.example", image: "x" } })).toThrow(
      /control plane's http\(s\):\/\/ origin/,
    );
  });
});
