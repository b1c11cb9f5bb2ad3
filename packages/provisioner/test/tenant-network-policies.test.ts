// What a tenant namespace's pods can reach, and what can reach them, connection by connection:
// each allowance the platform needs passes, and everything next to it (another port, another
// address, another namespace) stays denied.
import { describe, expect, it } from "vitest";
import type { TenantProgramSpec } from "../src/program-spec.ts";
import { selfManagedSpec, tenantSpec } from "./support/fixtures.ts";
import { type Connection, networkPolicyEvaluator } from "./support/network-policy-evaluator.ts";
import { runWithMocks } from "./support/pulumi-mocks.ts";

async function policiesOf(spec: TenantProgramSpec) {
  const run = await runWithMocks("acme-production", async () => {
    const { createTenantProgram } = await import("../src/tenant-program.ts");
    return createTenantProgram(spec)();
  });
  return networkPolicyEvaluator(run.resources, "acme-production");
}

const ip = (address: string, port: number, protocol: "TCP" | "UDP" = "TCP"): Connection => ({ peer: { ip: address }, port, protocol });
const ns = (namespace: string, port: number, protocol: "TCP" | "UDP" = "TCP"): Connection => ({ peer: { namespace }, port, protocol });

describe("tenant NetworkPolicies with the documented defaults", () => {
  it("lets the platform reach DNS, its database and queue, and public HTTPS (Directory, participants)", async () => {
    const net = await policiesOf(tenantSpec());
    expect(net.egress(ns("kube-system", 53, "UDP"))).toBe(true);
    expect(net.egress(ns("kube-system", 53, "TCP"))).toBe(true);
    expect(net.egress(ip("10.20.0.5", 5432))).toBe(true);
    expect(net.egress(ip("10.30.0.7", 5671))).toBe(true);
    // Any public address on 443: the Directory (e.g. 52.67.x, AWS São Paulo) and participants anywhere.
    expect(net.egress(ip("52.67.10.20", 443))).toBe(true);
    expect(net.egress(ip("200.160.2.3", 443))).toBe(true);
    expect(net.egress(ns("acme-production", 8080))).toBe(true);
  });

  it("denies every other egress: other ports, private ranges, cloud metadata, other namespaces", async () => {
    const net = await policiesOf(tenantSpec());
    expect(net.egress(ip("52.67.10.20", 80))).toBe(false);
    expect(net.egress(ip("52.67.10.20", 22))).toBe(false);
    expect(net.egress(ip("8.8.8.8", 53, "UDP"))).toBe(false);
    expect(net.egress(ip("10.20.0.5", 443))).toBe(false);
    expect(net.egress(ip("10.20.0.5", 22))).toBe(false);
    expect(net.egress(ip("10.30.0.7", 15672))).toBe(false);
    expect(net.egress(ip("10.40.0.1", 443))).toBe(false);
    expect(net.egress(ip("172.20.0.1", 443))).toBe(false);
    expect(net.egress(ip("192.168.1.1", 443))).toBe(false);
    expect(net.egress(ip("100.64.0.1", 443))).toBe(false);
    expect(net.egress(ip("169.254.169.254", 80))).toBe(false);
    expect(net.egress(ip("169.254.169.254", 443))).toBe(false);
    expect(net.egress(ns("kube-system", 443))).toBe(false);
    expect(net.egress(ns("globex-production", 8080))).toBe(false);
    expect(net.egress(ns("opus-control-plane", 3000))).toBe(false);
  });

  it("admits the gateway, and Prometheus from the monitoring namespace on the metrics port only", async () => {
    const net = await policiesOf(tenantSpec());
    expect(net.ingress(ns("opus-gateway", 8080))).toBe(true);
    expect(net.ingress(ns("monitoring", 9090))).toBe(true);
    expect(net.ingress(ns("acme-production", 8080))).toBe(true);

    expect(net.ingress(ns("monitoring", 8080))).toBe(false);
    expect(net.ingress(ns("monitoring", 9090, "UDP"))).toBe(false);
    expect(net.ingress(ns("globex-production", 9090))).toBe(false);
    expect(net.ingress(ns("kube-system", 8080))).toBe(false);
    expect(net.ingress(ip("52.67.10.20", 443))).toBe(false);
  });

  it("opens no usage-reporting path for installations Opus meters itself", async () => {
    const net = await policiesOf(tenantSpec({ network: { openFinanceCidrs: ["200.160.0.0/20"] } }));
    expect(net.egress(ip("54.94.1.1", 443))).toBe(false);
  });
});

describe("tenant NetworkPolicies with a region's own ranges", () => {
  const network = {
    openFinanceCidrs: ["200.160.0.0/20", "52.67.0.0/16"],
    usageReportingCidrs: ["54.94.1.1/32"],
    monitoringNamespace: "observability",
    metricsPort: 9100,
  };

  it("narrows Open Finance egress to the configured CIDRs on 443", async () => {
    const net = await policiesOf(tenantSpec({ network }));
    expect(net.egress(ip("200.160.15.255", 443))).toBe(true);
    expect(net.egress(ip("52.67.200.1", 443))).toBe(true);
    expect(net.egress(ip("200.160.16.0", 443))).toBe(false);
    expect(net.egress(ip("8.8.8.8", 443))).toBe(false);
    expect(net.egress(ip("200.160.1.1", 80))).toBe(false);
  });

  it("lets a self-managed installation reach the control plane's usage-reporting endpoint on 443 only", async () => {
    const net = await policiesOf({ ...selfManagedSpec(), network });
    expect(net.egress(ip("54.94.1.1", 443))).toBe(true);
    expect(net.egress(ip("54.94.1.1", 80))).toBe(false);
    expect(net.egress(ip("54.94.1.2", 443))).toBe(false);
  });

  it("gives a self-managed installation that reports through its in-cluster agent no route out to Opus", async () => {
    const spec = selfManagedSpec();
    const viaAgent = {
      ...spec,
      network,
      usageReporting: {
        ...(spec.usageReporting ?? { token: { secret: "t" } }),
        endpoint: "http://opus-report-agent.acme-production.svc:9470/api/v1/usage/events",
      },
    } as TenantProgramSpec;
    const net = await policiesOf(viaAgent);
    // Not the control plane's address: only the agent goes out, under its own policy.
    expect(net.egress(ip("54.94.1.1", 443))).toBe(false);
    // The agent's Service is in the namespace: reached like any sibling module.
    expect(net.egress(ns("acme-production", 9470))).toBe(true);
    expect(net.egress(ns("globex-production", 9470))).toBe(false);
  });

  it("admits the configured monitoring namespace on the configured metrics port, and not the default one", async () => {
    const net = await policiesOf(tenantSpec({ network }));
    expect(net.ingress(ns("observability", 9100))).toBe(true);
    expect(net.ingress(ns("observability", 9090))).toBe(false);
    expect(net.ingress(ns("monitoring", 9100))).toBe(false);
  });

  it("refuses a malformed range in the settings before anything is built", async () => {
    const { TenantEnvironmentSpecSchema } = await import("../src/spec.ts");
    const parsed = TenantEnvironmentSpecSchema.safeParse(tenantSpec({ network: { openFinanceCidrs: ["200.160.0.0"] } }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["network", "openFinanceCidrs", 0]);
  });
});

describe("isInClusterService", () => {
  it("tells a Service address from one out of the cluster", async () => {
    const { isInClusterService } = await import("../src/network-allowances.ts");
    expect(isInClusterService("http://opus-report-agent.acme-production.svc:9470/api/v1/usage/events")).toBe(true);
    expect(isInClusterService("http://opus-report-agent.acme-production.svc.cluster.local:9470/x")).toBe(true);
    expect(isInClusterService("https://usage.opus.cloud/v1/events")).toBe(false);
    expect(isInClusterService("https://svc.opus.cloud/v1/events")).toBe(false);
    expect(isInClusterService("https://opus.example/api/v1/usage/events?host=a.svc")).toBe(false);
  });
});
