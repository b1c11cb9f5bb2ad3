// The tenant program's resource graph, for each mode the control plane provisions × each plan
// size, run against mocks that answer like the providers.
import * as pulumi from "@pulumi/pulumi";
import { beforeAll, describe, expect, it } from "vitest";
import { stackNameFor, type TenantEnvironmentSpec } from "../src/spec.ts";
import type { TenantProgramOutputs } from "../src/tenant-program.ts";
import {
  ALL_CREDENTIALS,
  DATABASE_ADMIN_PASSWORD,
  FIXTURE_ISOLATION_RULES,
  KUBECONFIG,
  managedSpec,
  QUEUE_ADMIN_PASSWORD,
  tenantSpec,
} from "./support/fixtures.ts";
import { isolationViolations } from "./support/isolation-policy.ts";
import { kubernetesObjects, nameProblems, toManifest, validateKubernetesObject } from "./support/kubernetes-schemas.ts";
import {
  containsSecret,
  isSecretValue,
  mockPassword,
  type ProgramRun,
  promiseOf,
  type RecordedResource,
  revealSecrets,
  runWithMocks,
  withoutSecrets,
} from "./support/pulumi-mocks.ts";

// The numbers a plan buys, written out here (not read from PLAN_SIZING) so a change to the
// table is a deliberate change to this test too.
const EXPECTED = {
  SMALL: { cpu: "4", memory: "8Gi", limitsCpu: "8", limitsMemory: "16Gi", pods: "40", replicas: [1, 3], connections: 50 },
  MEDIUM: { cpu: "8", memory: "16Gi", limitsCpu: "16", limitsMemory: "32Gi", pods: "80", replicas: [2, 6], connections: 100 },
  LARGE: { cpu: "16", memory: "32Gi", limitsCpu: "32", limitsMemory: "64Gi", pods: "160", replicas: [3, 12], connections: 200 },
} as const;

const DB_PASSWORD = mockPassword("acme-production-password");
const MQ_PASSWORD = mockPassword("acme-production-rabbitmq-password");

const CASES = (["SAAS", "MANAGED"] as const).flatMap((mode) =>
  (["SMALL", "MEDIUM", "LARGE"] as const).map((planSize) => ({ mode, planSize })),
);

function only(resources: RecordedResource[], type: string, name?: string): RecordedResource {
  const matches = resources.filter((r) => r.type === type && (name === undefined || r.name === name));
  if (matches.length !== 1) throw new Error(`expected one ${type} ${name ?? ""}, found ${matches.length}`);
  return matches[0] as RecordedResource;
}

function manifestOf(resources: RecordedResource[], type: string, name?: string) {
  // biome-ignore lint/suspicious/noExplicitAny: manifests are checked field by field below
  return toManifest(only(resources, type, name)) as any;
}

describe.each(CASES)("tenant program, $mode mode, $planSize plan", ({ mode, planSize }) => {
  const spec: TenantEnvironmentSpec = mode === "SAAS" ? tenantSpec({ planSize }) : managedSpec({ planSize });
  const expected = EXPECTED[planSize];
  let run: ProgramRun<TenantProgramOutputs>;

  beforeAll(async () => {
    run = await runWithMocks(stackNameFor(spec.tenant.slug, spec.environment.kind), async () => {
      // Mocks are set by runWithMocks before the program module is loaded.
      const { createTenantProgram } = await import("../src/tenant-program.ts");
      return createTenantProgram(spec)();
    });
  });

  it("creates exactly the tenant's resources, named after the environment", () => {
    const created = run.resources.map((r) => `${r.type} ${r.name}`).sort();
    const env = "acme-production";
    const queues = ["consent.events", "payment.events", "metrics.events", "opus.dead-letter"];
    expect(created).toEqual(
      [
        `pulumi:providers:kubernetes ${env}-k8s`,
        `opus:tenant:Namespace ${env}`,
        `kubernetes:core/v1:Namespace ${env}-namespace`,
        `kubernetes:core/v1:ResourceQuota ${env}-quota`,
        `kubernetes:core/v1:LimitRange ${env}-limits`,
        `opus:tenant:NetworkPolicies ${env}-network`,
        ...[
          "default-deny-all",
          "allow-gateway-ingress",
          "allow-same-namespace",
          "allow-dns-egress",
          "allow-database-egress",
          "allow-queue-egress",
          "allow-monitoring-ingress",
          "allow-open-finance-egress",
        ].map((p) => `kubernetes:networking.k8s.io/v1:NetworkPolicy ${env}-network-${p}`),
        `opus:tenant:WorkloadAccess ${env}-access`,
        `kubernetes:core/v1:ServiceAccount ${env}-access-service-account`,
        `kubernetes:rbac.authorization.k8s.io/v1:Role ${env}-access-role`,
        `kubernetes:rbac.authorization.k8s.io/v1:RoleBinding ${env}-access-role-binding`,
        `opus:tenant:Database ${env}`,
        `pulumi:providers:postgresql ${env}-server`,
        `random:index/randomPassword:RandomPassword ${env}-password`,
        `postgresql:index/role:Role ${env}-role`,
        `postgresql:index/database:Database ${env}-database`,
        `postgresql:index/grant:Grant ${env}-revoke-public-connect`,
        `opus:tenant:Queue ${env}`,
        `opus:tenant:RabbitMqQueue ${env}-rabbitmq`,
        `pulumi:providers:rabbitmq ${env}-rabbitmq-broker`,
        `rabbitmq:index/vHost:VHost ${env}-rabbitmq-vhost`,
        `rabbitmq:index/permissions:Permissions ${env}-rabbitmq-admin-permissions`,
        `random:index/randomPassword:RandomPassword ${env}-rabbitmq-password`,
        `rabbitmq:index/user:User ${env}-rabbitmq-user`,
        `rabbitmq:index/permissions:Permissions ${env}-rabbitmq-permissions`,
        `rabbitmq:index/exchange:Exchange ${env}-rabbitmq-exchange-opus.events`,
        `rabbitmq:index/exchange:Exchange ${env}-rabbitmq-exchange-opus.dlx`,
        ...queues.map((q) => `rabbitmq:index/queue:Queue ${env}-rabbitmq-queue-${q}`),
        ...queues.map((q) => `rabbitmq:index/binding:Binding ${env}-rabbitmq-binding-${q}`),
        `opus:tenant:PlatformRelease ${env}`,
        `kubernetes:core/v1:Secret ${env}-credentials`,
        `kubernetes:helm.sh/v3:Release ${env}-release`,
      ].sort(),
    );
  });

  it("creates every resource inside a tenant component, except the Kubernetes provider", () => {
    const outside = run.urns.filter((urn) => {
      const qualifiedType = urn.split("::")[2] ?? "";
      return !qualifiedType.startsWith("opus:tenant:") && !qualifiedType.startsWith("pulumi:providers:kubernetes");
    });
    expect(outside).toEqual([]);
    expect(run.urns.length).toBe(run.resources.length);
  });

  it("targets the right cluster: the customer's kubeconfig when managed, the ambient one for SaaS", () => {
    const provider = only(run.resources, "pulumi:providers:kubernetes");
    if (mode === "MANAGED") {
      expect(isSecretValue(provider.inputs.kubeconfig)).toBe(true);
      expect(revealSecrets(provider.inputs.kubeconfig)).toBe(KUBECONFIG);
    } else {
      expect(provider.inputs.kubeconfig).toBeUndefined();
    }
    // No Kubernetes object may fall back to Pulumi's default provider (whatever cluster is ambient).
    for (const resource of [...kubernetesObjects(run.resources), only(run.resources, "kubernetes:helm.sh/v3:Release")]) {
      expect(resource.provider, resource.name).toContain("pulumi:providers:kubernetes::acme-production-k8s::");
    }
  });

  it("labels the namespace and every object with tenant, environment, mode and plan", () => {
    const namespace = manifestOf(run.resources, "kubernetes:core/v1:Namespace");
    expect(namespace.metadata.name).toBe("acme-production");
    expect(namespace.metadata.labels).toMatchObject({
      "opus.io/tenant": "acme",
      "opus.io/tenant-id": "cm1tenant0000acme",
      "opus.io/environment": "production",
      "opus.io/deployment-mode": mode.toLowerCase(),
      "opus.io/plan-size": planSize.toLowerCase(),
      "app.kubernetes.io/part-of": "opus-open-finance",
      "app.kubernetes.io/managed-by": "pulumi",
      "pod-security.kubernetes.io/enforce": "baseline",
    });
    for (const object of kubernetesObjects(run.resources)) {
      const manifest = toManifest(object) as { metadata: { labels?: Record<string, string>; namespace?: string } };
      expect(manifest.metadata.labels?.["opus.io/tenant"], object.name).toBe("acme");
      if (object.type !== "kubernetes:core/v1:Namespace") expect(manifest.metadata.namespace, object.name).toBe("acme-production");
    }
  });

  it("sizes the ResourceQuota and LimitRange by plan", () => {
    const quota = manifestOf(run.resources, "kubernetes:core/v1:ResourceQuota");
    expect(quota.spec.hard).toMatchObject({
      "requests.cpu": expected.cpu,
      "requests.memory": expected.memory,
      "limits.cpu": expected.limitsCpu,
      "limits.memory": expected.limitsMemory,
      pods: expected.pods,
      "services.loadbalancers": "0",
      "services.nodeports": "0",
    });
    const limits = manifestOf(run.resources, "kubernetes:core/v1:LimitRange");
    const container = limits.spec.limits[0];
    expect(container.type).toBe("Container");
    expect(Object.keys(container.default).sort()).toEqual(["cpu", "memory"]);
    expect(Object.keys(container.defaultRequest).sort()).toEqual(["cpu", "memory"]);
    expect(Object.keys(container.max).sort()).toEqual(["cpu", "memory"]);
  });

  it("closes the namespace: default deny, ingress only from the gateway and monitoring, egress only to DNS, database, queue and public 443", () => {
    expect(isolationViolations(run.resources, FIXTURE_ISOLATION_RULES)).toEqual([]);
    const denyAll = manifestOf(run.resources, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "acme-production-network-default-deny-all");
    expect(denyAll.spec).toEqual({ podSelector: {}, policyTypes: ["Ingress", "Egress"] });
  });

  it("gives the workloads a least-privilege, namespaced identity", () => {
    expect(run.resources.some((r) => /ClusterRole/.test(r.type))).toBe(false);
    const serviceAccount = manifestOf(run.resources, "kubernetes:core/v1:ServiceAccount");
    expect(serviceAccount.automountServiceAccountToken).toBe(false);
    const role = manifestOf(run.resources, "kubernetes:rbac.authorization.k8s.io/v1:Role");
    for (const rule of role.rules) {
      expect(rule.verbs).not.toContain("*");
      expect(rule.resources).not.toContain("*");
      expect(
        rule.verbs.filter((v: string) => ["delete", "deletecollection", "patch", "escalate", "bind", "impersonate"].includes(v)),
      ).toEqual([]);
    }
    const secretsRule = role.rules.find((r: { resources: string[] }) => r.resources.includes("secrets"));
    expect(secretsRule).toEqual({ apiGroups: [""], resources: ["secrets"], resourceNames: ["opus-platform-credentials"], verbs: ["get"] });
    const binding = manifestOf(run.resources, "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding");
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: "opus-platform", namespace: "acme-production" }]);
    expect(binding.roleRef).toEqual({ apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "opus-platform" });
  });

  it("creates the database owned by its own role, with a generated password and no PUBLIC access", () => {
    const provider = only(run.resources, "pulumi:providers:postgresql");
    // Provider configuration reaches the plugin as strings, as Pulumi sends it.
    expect(provider.inputs).toMatchObject({
      host: spec.database.host,
      port: "5432",
      username: "opus_admin",
      sslmode: "verify-full",
      superuser: "false",
    });
    expect(isSecretValue(provider.inputs.password)).toBe(true);
    expect(revealSecrets(provider.inputs.password)).toBe(DATABASE_ADMIN_PASSWORD);

    const role = only(run.resources, "postgresql:index/role:Role");
    expect(role.inputs).toMatchObject({
      name: "acme_production_app",
      login: true,
      connectionLimit: expected.connections,
      createRole: false,
    });
    expect(isSecretValue(role.inputs.password)).toBe(true);
    expect(revealSecrets(role.inputs.password)).toBe(DB_PASSWORD);

    const database = only(run.resources, "postgresql:index/database:Database");
    expect(database.inputs).toMatchObject({ name: "acme_production", owner: "acme_production_app", encoding: "UTF8" });
    const revoke = only(run.resources, "postgresql:index/grant:Grant");
    expect(revoke.inputs).toMatchObject({ database: "acme_production", role: "public", objectType: "database", privileges: [] });
    for (const r of [role, database, revoke]) expect(r.provider).toContain("pulumi:providers:postgresql::acme-production-server::");
  });

  it("creates the RabbitMQ vhost, a user confined to it and the platform's topology", () => {
    expect(only(run.resources, "rabbitmq:index/vHost:VHost").inputs).toMatchObject({ name: "acme-production" });
    const user = only(run.resources, "rabbitmq:index/user:User");
    expect(user.inputs.tags).toEqual([]);
    expect(revealSecrets(user.inputs.password)).toBe(MQ_PASSWORD);
    const grants = run.resources.filter((r) => r.type === "rabbitmq:index/permissions:Permissions").map((r) => revealSecrets(r.inputs));
    expect(grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user: "acme-production-app", vhost: "acme-production" }),
        expect.objectContaining({ user: "opus_admin", vhost: "acme-production" }),
      ]),
    );
    const exchanges = run.resources.filter((r) => r.type === "rabbitmq:index/exchange:Exchange").map((r) => r.inputs);
    expect(exchanges).toContainEqual(
      expect.objectContaining({
        name: "opus.events",
        vhost: "acme-production",
        settings: expect.objectContaining({ type: "topic", durable: true }),
      }),
    );
    expect(exchanges).toContainEqual(expect.objectContaining({ name: "opus.dlx" }));
    const consent = only(run.resources, "rabbitmq:index/queue:Queue", "acme-production-rabbitmq-queue-consent.events");
    expect(consent.inputs.settings).toMatchObject({
      durable: true,
      arguments: { "x-dead-letter-exchange": "opus.dlx", "x-queue-type": "quorum" },
    });
    const bindings = run.resources.filter((r) => r.type === "rabbitmq:index/binding:Binding").map((r) => r.inputs);
    expect(bindings).toContainEqual(
      expect.objectContaining({ source: "opus.events", destination: "payment.events", destinationType: "queue", routingKey: "payment.#" }),
    );
    expect(bindings).toContainEqual(expect.objectContaining({ source: "opus.dlx", destination: "opus.dead-letter", routingKey: "#" }));
  });

  it("stores the credentials in a Secret and releases the chart with values that only name it", () => {
    const secret = only(run.resources, "kubernetes:core/v1:Secret");
    expect(isSecretValue(secret.inputs.stringData)).toBe(true);
    const data = (revealSecrets(secret.inputs) as { stringData: Record<string, string> }).stringData;
    expect(data).toMatchObject({
      DATABASE_USER: "acme_production_app",
      DATABASE_PASSWORD: DB_PASSWORD,
      DATABASE_URL: `postgresql://acme_production_app:${DB_PASSWORD}@${spec.database.host}:5432/acme_production?sslmode=verify-full`,
      QUEUE_USER: "acme-production-app",
      QUEUE_PASSWORD: MQ_PASSWORD,
      QUEUE_URL: `amqps://acme-production-app:${MQ_PASSWORD}@mq.internal.opus.cloud:5671/acme-production`,
    });

    const release = only(run.resources, "kubernetes:helm.sh/v3:Release");
    expect(release.inputs).toMatchObject({
      name: "opus-platform",
      namespace: "acme-production",
      chart: "opus-platform",
      version: "2.14.0",
      repositoryOpts: { repo: "https://charts.opus.io" },
      atomic: true,
    });
    const values = release.inputs.values as ReturnType<typeof import("../src/platform-values.ts").buildPlatformValues>;
    const secretName = (toManifest(secret).metadata as { name: string }).name;
    expect(values.database.existingSecret).toBe(secretName);
    expect(values.queue.existingSecret).toBe(secretName);
    expect(Object.values(values.database.secretKeys).every((key) => key in data)).toBe(true);
    expect(Object.values(values.queue.secretKeys).every((key) => key in data)).toBe(true);
    expect(values.autoscaling).toMatchObject({ enabled: true, minReplicas: expected.replicas[0], maxReplicas: expected.replicas[1] });
    expect(values.gateway.host).toBe("acme-production.sa-east-1.opus.cloud");
    expect(values.serviceAccount).toEqual({ create: false, name: "opus-platform" });
    // Helm keeps values in plain text in its release records: no credential, and nothing secret.
    expect(containsSecret(release.inputs.values)).toBe(false);
    const text = JSON.stringify(release.inputs.values);
    for (const credential of [...ALL_CREDENTIALS, DB_PASSWORD, MQ_PASSWORD]) expect(text).not.toContain(credential);
  });

  it("returns plain outputs for names and secret outputs for credentials", async () => {
    const { outputs } = run;
    expect(await promiseOf(outputs.namespace)).toBe("acme-production");
    expect(await promiseOf(outputs.databaseName)).toBe("acme_production");
    expect(await promiseOf(outputs.queueVhost)).toBe("acme-production");
    expect(await promiseOf(outputs.gatewayUrl)).toBe("https://acme-production.sa-east-1.opus.cloud");
    for (const key of ["namespace", "databaseName", "queueVhost", "gatewayUrl"] as const) {
      expect(await pulumi.isSecret(outputs[key]), key).toBe(false);
    }
    expect(await pulumi.isSecret(outputs.databaseCredentials)).toBe(true);
    expect(await pulumi.isSecret(outputs.queueCredentials)).toBe(true);
    expect(await promiseOf(outputs.databaseCredentials)).toEqual({ username: "acme_production_app", password: DB_PASSWORD });
    expect((await promiseOf(outputs.queueCredentials)).password).toBe(MQ_PASSWORD);
  });

  it("never puts a credential in plain text in any resource's inputs", () => {
    const credentials = [...ALL_CREDENTIALS, DB_PASSWORD, MQ_PASSWORD];
    for (const resource of run.resources) {
      const plain = JSON.stringify(withoutSecrets(resource.inputs));
      for (const credential of credentials) expect(plain, `${resource.type} ${resource.name}`).not.toContain(credential);
    }
    // And the credentials are really there, as secrets (the check above is not vacuous).
    const everything = JSON.stringify(run.resources.map((r) => revealSecrets(r.inputs)));
    for (const credential of [DATABASE_ADMIN_PASSWORD, QUEUE_ADMIN_PASSWORD, DB_PASSWORD, MQ_PASSWORD])
      expect(everything).toContain(credential);
  });

  it("produces Kubernetes objects that pass the Kubernetes schemas and naming rules", () => {
    const objects = kubernetesObjects(run.resources);
    expect(new Set(objects.map((o) => o.type.split(":")[2]))).toEqual(
      new Set(["Namespace", "ResourceQuota", "LimitRange", "NetworkPolicy", "ServiceAccount", "Role", "RoleBinding", "Secret"]),
    );
    for (const object of objects) {
      const manifest = toManifest(object);
      expect(() => validateKubernetesObject(object.type, manifest), object.name).not.toThrow();
      expect(nameProblems(object.type, manifest)).toEqual([]);
    }
  });
});
