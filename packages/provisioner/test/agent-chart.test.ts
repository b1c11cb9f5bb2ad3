// The agent's Helm chart (deploy/charts/opus-agent), rendered by the real helm (support/helm.ts):
// what it gives the agent is what the agent reads and accepts in production, nothing connects to a
// run-mode agent, replicas fail over, the pod writes only to its volumes, rbac reaches the listed
// environments only, and Helm itself refuses values the schema does not allow, naming the value.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AGENT_SETTINGS, parseAgentEnv } from "../../../apps/api/src/env/agent-env.ts";
import { AGENT_CHART } from "../src/report-agent-values.ts";
import { AGENT_CHART_DIR, helmLint, helmTemplate, type K8sObject } from "./support/helm.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const PUBLIC_KEY = Buffer.alloc(32, 7).toString("base64");
const runValues = {
  image: { repository: "registry.opus.io/control-plane/agent", tag: "1.4.0" },
  controlPlane: { url: "https://console.opus.cloud", publicKey: PUBLIC_KEY },
  institutionId: "cmx9inst0001",
  stateBackend: { url: "s3://aurora-pulumi-state" },
};
const reportValues = {
  mode: "report-only",
  controlPlane: { url: "https://console.opus.cloud" },
  credentials: { secretName: "opus-report-agent" },
};

function render(values: unknown, release = "opus-agent"): K8sObject[] {
  const result = helmTemplate(values, { release, namespace: "opus-agent" });
  if (!result.ok) throw new Error(result.error);
  return result.objects;
}
const refusal = (values: unknown) => {
  const result = helmTemplate(values);
  return result.ok ? "rendered" : result.error;
};
const only = (objects: K8sObject[], kind: string) => {
  const found = objects.filter((o) => o.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0] as K8sObject;
};
const kinds = (objects: K8sObject[]) => objects.map((o) => o.kind).sort();

type EnvVar = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string }; fieldRef?: unknown } };
/** The container's environment as the kubelet gives it, with each Secret key standing for a value the customer stored. */
function resolvedEnv(container: { env: EnvVar[] }, secret: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    container.env.map((e) => {
      if (e.value !== undefined) return [e.name, e.value];
      const ref = e.valueFrom?.secretKeyRef;
      if (ref) return [e.name, secret[ref.key] ?? `missing key ${ref.key}`];
      return [e.name, "opus-agent-7d9f5-x2k4q"];
    }),
  );
}
const SECRET = { AGENT_KEY: "opus_uk_live_example", PULUMI_CONFIG_PASSPHRASE: "a-real-passphrase" };

describe("the opus-agent chart", () => {
  it("passes helm lint in both modes", () => {
    for (const values of [runValues, reportValues]) {
      const lint = helmLint(values);
      expect(lint.output).toContain("1 chart(s) linted, 0 chart(s) failed");
      expect(lint.ok).toBe(true);
    }
  });

  it("run mode: gives the agent only settings it reads, which it accepts in production", () => {
    const pod = only(render(runValues), "Deployment").spec.template.spec;
    const agent = pod.containers[0];
    const names = agent.env.map((e: EnvVar) => e.name);
    expect(names.filter((n: string) => !AGENT_SETTINGS.includes(n))).toEqual([]);
    const env = parseAgentEnv(resolvedEnv(agent, SECRET));
    expect(env).toMatchObject({
      NODE_ENV: "production",
      AGENT_MODE: "run",
      CONTROL_PLANE_URL: "https://console.opus.cloud",
      CONTROL_PLANE_PUBLIC_KEY: PUBLIC_KEY,
      AGENT_INSTITUTION_ID: "cmx9inst0001",
      AGENT_CREDENTIALS_FILE: "/var/run/opus-agent/credentials.json",
      PULUMI_BACKEND_URL: "s3://aurora-pulumi-state",
      PULUMI_CONFIG_PASSPHRASE: "a-real-passphrase",
    });
    // Run mode keeps the production refusals of the engine's settings (report-only has none).
    const { PULUMI_BACKEND_URL: _, ...withoutBackend } = resolvedEnv(agent, SECRET);
    expect(() => parseAgentEnv(withoutBackend)).toThrow(/PULUMI_BACKEND_URL: set PULUMI_BACKEND_URL in production/);
    // Behind the schema's https:// rule, the agent's own.
    expect(() => parseAgentEnv({ ...resolvedEnv(agent, SECRET), CONTROL_PLANE_URL: "http://console.opus.cloud" })).toThrow(
      /CONTROL_PLANE_URL: the agent talks to the control plane over HTTPS only/,
    );
    // The credentials file is the Secret's key, mounted read-only where the agent reads it.
    const credentials = pod.volumes.find((v: { name: string }) => v.name === "credentials");
    expect(credentials.secret).toEqual({ secretName: "opus-agent", items: [{ key: "credentials.json", path: "credentials.json" }] });
    expect(agent.volumeMounts).toContainEqual({ name: "credentials", mountPath: "/var/run/opus-agent", readOnly: true });
    // The image's own command runs (docker/agent.Dockerfile's CMD, checked by container-images.test.ts).
    expect(agent.command).toBeUndefined();
    expect(agent.image).toBe("registry.opus.io/control-plane/agent:1.4.0");
    // A KMS secrets provider needs no passphrase from the Secret.
    const kms = only(render({ ...runValues, stateBackend: { url: "s3://b", secretsProvider: "awskms://alias/opus" } }), "Deployment");
    expect(kms.spec.template.spec.containers[0].env.map((e: EnvVar) => e.name)).not.toContain("PULUMI_CONFIG_PASSPHRASE");
  });

  it("run mode: nothing can connect to it; out, only DNS, HTTPS, the API server and the account's admin endpoints", () => {
    const objects = render(runValues);
    expect(kinds(objects)).toEqual(["Deployment", "NetworkPolicy", "PodDisruptionBudget", "ServiceAccount"]);
    const policy = only(objects, "NetworkPolicy");
    expect(policy.spec.policyTypes).toEqual(["Ingress", "Egress"]);
    expect(policy.spec.ingress).toEqual([]);
    expect(policy.spec.podSelector.matchLabels).toEqual(only(objects, "Deployment").spec.selector.matchLabels);
    const egress = policy.spec.egress.flatMap((rule: { ports: { port: number; protocol: string }[]; to?: unknown }) => {
      expect(rule.to).toBeUndefined();
      return rule.ports.map((p) => `${p.port}/${p.protocol}`);
    });
    expect(egress).toEqual(["53/UDP", "53/TCP", "443/TCP", "6443/TCP", "5432/TCP", "5671/TCP", "15671/TCP"]);
    expect(only(objects, "Deployment").spec.template.spec.containers[0].ports).toBeUndefined();
    // Without rbac the pod's own identity has no token: the kubeconfig in its Secret decides its rights.
    expect(only(objects, "Deployment").spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(only(objects, "ServiceAccount").automountServiceAccountToken).toBe(false);
  });

  it("run mode: two replicas fail over through the lease, a drain keeps one, SIGTERM has time to hand back", () => {
    const objects = render(runValues);
    const deployment = only(objects, "Deployment");
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.template.spec.terminationGracePeriodSeconds).toBe(300);
    expect(only(objects, "PodDisruptionBudget").spec).toEqual({ minAvailable: 1, selector: deployment.spec.selector });
    // One replica: a budget would block every drain.
    expect(kinds(render({ ...runValues, replicas: 1 }))).not.toContain("PodDisruptionBudget");
  });

  it("runs as uid 1000 on a read-only root, writing only to its volumes (state, PULUMI_HOME under it, /tmp)", () => {
    const dockerfile = readFileSync(path.join(root, "docker/agent.Dockerfile"), "utf8");
    const pulumiHome = /PULUMI_HOME=(\S+)/.exec(dockerfile.slice(dockerfile.lastIndexOf("FROM ")))?.[1];
    for (const values of [runValues, reportValues]) {
      const pod = only(render(values), "Deployment").spec.template.spec;
      expect(pod.securityContext).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 1000,
        fsGroup: 1000,
        seccompProfile: { type: "RuntimeDefault" },
      });
      for (const container of [...pod.containers, ...(pod.initContainers ?? [])]) {
        expect(container.securityContext, container.name).toEqual({
          allowPrivilegeEscalation: false,
          readOnlyRootFilesystem: true,
          capabilities: { drop: ["ALL"] },
        });
      }
      const agent = pod.containers[0];
      const state = resolvedEnv(agent, SECRET).AGENT_STATE_DIR;
      expect(agent.volumeMounts.map((m: { mountPath: string }) => m.mountPath)).toEqual(expect.arrayContaining([state, "/tmp"]));
      expect(pulumiHome?.startsWith(`${state}/`)).toBe(true);
    }
    // Run mode: the image's plugins are copied into the writable PULUMI_HOME before the agent starts.
    const init = only(render(runValues), "Deployment").spec.template.spec.initContainers;
    expect(init).toHaveLength(1);
    expect(init[0].command).toEqual(["cp", "-R", "/opt/pulumi/home/.", `${pulumiHome}/`]);
    expect(dockerfile).toContain("ENV PULUMI_HOME=/opt/pulumi/home");
  });

  it("rbac: the agent's own identity may create namespaces, and manage only the environments listed", () => {
    const environments = ["aurora-production", "aurora-homologation"];
    const objects = render({ ...runValues, environments, rbac: { create: true } });
    const roles = objects.filter((o) => o.kind === "ClusterRole");
    const namespaces = roles.find((r) => r.metadata.name === "opus-agent-namespaces") as K8sObject;
    expect(namespaces.rules).toEqual([
      { apiGroups: [""], resources: ["namespaces"], verbs: ["get", "list", "watch", "create"] },
      { apiGroups: [""], resources: ["namespaces"], resourceNames: environments, verbs: ["update", "patch", "delete"] },
    ]);
    const subject = { kind: "ServiceAccount", name: "opus-agent", namespace: "opus-agent" };
    // Cluster-wide, only the namespaces role; the environment role is bound in each listed namespace and nowhere else.
    const clusterBindings = objects.filter((o) => o.kind === "ClusterRoleBinding");
    expect(clusterBindings.map((b) => [b.roleRef.name, b.subjects])).toEqual([["opus-agent-namespaces", [subject]]]);
    const bindings = objects.filter((o) => o.kind === "RoleBinding");
    expect(bindings.map((b) => [b.metadata.namespace, b.roleRef.name, b.subjects])).toEqual(
      environments.map((ns) => [ns, "opus-agent-environment", [subject]]),
    );
    expect(only(objects, "Deployment").spec.template.spec.automountServiceAccountToken).toBe(true);
    // Report-only never gets a Kubernetes identity, whatever rbac says.
    const report = render({ ...reportValues, environments, rbac: { create: true } }, "opus-report-agent");
    expect(kinds(report).filter((k) => k.includes("Role"))).toEqual([]);
    expect(only(report, "Deployment").spec.template.spec.automountServiceAccountToken).toBe(false);
  });

  it("report-only: one replica on a persistent outbox, reached in-cluster by the platform's pods only, out only to HTTPS", () => {
    const objects = render(reportValues, "opus-report-agent");
    expect(kinds(objects)).toEqual(["Deployment", "NetworkPolicy", "PersistentVolumeClaim", "Service", "ServiceAccount"]);
    const deployment = only(objects, "Deployment");
    expect(deployment.spec).toMatchObject({ replicas: 1, strategy: { type: "Recreate" } });
    const pod = deployment.spec.template.spec;
    const env = parseAgentEnv(resolvedEnv(pod.containers[0], SECRET));
    expect(env).toMatchObject({ NODE_ENV: "production", AGENT_MODE: "report-only", AGENT_REPORT_PORT: 9470, AGENT_KEY: SECRET.AGENT_KEY });
    for (const key of ["CONTROL_PLANE_PUBLIC_KEY", "AGENT_INSTITUTION_ID", "AGENT_CREDENTIALS_FILE", "PULUMI_BACKEND_URL"]) {
      expect(pod.containers[0].env.map((e: EnvVar) => e.name)).not.toContain(key);
    }
    expect(pod.volumes).toContainEqual({ name: "state", persistentVolumeClaim: { claimName: "opus-report-agent-outbox" } });
    expect((only(objects, "PersistentVolumeClaim").metadata as { annotations?: unknown }).annotations).toEqual({
      "helm.sh/resource-policy": "keep",
    });
    expect(only(objects, "Service").spec).toEqual({
      selector: deployment.spec.selector.matchLabels,
      ports: [{ name: "reports", port: 9470, targetPort: "reports" }],
    });
    const policy = only(objects, "NetworkPolicy");
    expect(policy.spec.ingress).toEqual([{ from: [{ podSelector: {} }], ports: [{ port: 9470, protocol: "TCP" }] }]);
    expect(policy.spec.egress).toEqual([
      {
        ports: [
          { port: 53, protocol: "UDP" },
          { port: 53, protocol: "TCP" },
        ],
      },
      { ports: [{ port: 443, protocol: "TCP" }] },
    ]);
  });

  it("defaults the image tag to the agent's version, and a digest pins it", () => {
    const chart = readFileSync(path.join(AGENT_CHART_DIR, "Chart.yaml"), "utf8");
    const agentVersion = /AGENT_VERSION = "([^"]+)"/.exec(
      readFileSync(path.join(root, "apps/api/src/agent/run-agent-process.ts"), "utf8"),
    )?.[1];
    expect(chart).toContain(`appVersion: "${agentVersion}"`);
    // The install bundle's README names the chart by this name and version.
    expect(chart).toContain(`name: ${AGENT_CHART.name}\n`);
    expect(chart).toContain(`version: ${AGENT_CHART.version}\n`);
    const image = (values: unknown) => only(render(values), "Deployment").spec.template.spec.containers[0].image;
    expect(image({ ...runValues, image: { repository: "r.example/agent" } })).toBe(`r.example/agent:${agentVersion}`);
    const digest = `sha256:${"a".repeat(64)}`;
    expect(image({ ...runValues, image: { repository: "r.example/agent", tag: "1.4.0", digest } })).toBe(`r.example/agent@${digest}`);
  });

  it("is refused by Helm, naming the value, on what the agent would refuse or misread", () => {
    const schemaError = "values don't meet the specifications of the schema";
    const cases: [unknown, RegExp][] = [
      [
        { ...runValues, controlPlane: { ...runValues.controlPlane, url: "http://console.opus.cloud" } },
        /controlPlane\.url|\/controlPlane\/url/,
      ],
      [{ ...runValues, institutionId: "" }, /institutionId/],
      [{ ...runValues, controlPlane: { url: "https://console.opus.cloud" } }, /publicKey/],
      [{ ...runValues, controlPlane: { ...runValues.controlPlane, publicKey: "not-base64" } }, /publicKey/],
      [{ ...runValues, stateBackend: { url: "file:///tmp/state" } }, /stateBackend/],
      [{ ...runValues, mode: "operate" }, /mode/],
      [{ ...runValues, replica: 3 }, /replica/],
      [{ ...runValues, environments: ["Not_A_Namespace"] }, /environments/],
    ];
    for (const [values, field] of cases) {
      const error = refusal(values);
      expect(error, JSON.stringify(values)).toContain(schemaError);
      expect(error).toMatch(field);
    }
    // Report-only needs none of run mode's values.
    expect(refusal(reportValues)).toBe("rendered");
  });
});
