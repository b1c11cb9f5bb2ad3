// pulumi/control-plane: the control plane's own deployment, under mocks.
import { beforeAll, describe, expect, it } from "vitest";
import { type ControlPlaneConfigInput, parseControlPlaneConfig } from "../../../pulumi/control-plane/config.ts";
import { kubernetesObjects, nameProblems, toManifest, validateKubernetesObject } from "./support/kubernetes-schemas.ts";
import { type ProgramRun, promiseOf, type RecordedResource, runWithMocks } from "./support/pulumi-mocks.ts";

const CONFIG: ControlPlaneConfigInput = {
  host: "console.opus.cloud",
  tlsSecretName: "console-opus-cloud-tls",
  images: {
    api: "registry.opus.io/control-plane/api:1.4.0",
    console: "registry.opus.io/control-plane/console:1.4.0",
    agent: "registry.opus.io/control-plane/agent:1.4.0",
  },
  saasRegions: ["sa-east-1"],
  credentialsPublicKey: Buffer.alloc(32, 9).toString("base64"),
  worker: {
    pulumiBackendUrl: "s3://opus-pulumi-state/tenants?region=sa-east-1",
    serviceAccountAnnotations: { "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/opus-worker" },
  },
};

const SECRET_ENV = ["DATABASE_URL", "AUTH_SECRET", "CREDENTIALS_PRIVATE_KEYS", "PULUMI_CONFIG_PASSPHRASE", "SAAS_REGIONS", "SMTP_URL"];

// biome-ignore lint/suspicious/noExplicitAny: manifests are inspected field by field
type Manifest = any;

function manifests(resources: RecordedResource[], type: string): Manifest[] {
  return resources.filter((r) => r.type === type).map(toManifest);
}

function deployment(resources: RecordedResource[], name: string): Manifest {
  const found = manifests(resources, "kubernetes:apps/v1:Deployment").find((d) => d.metadata.name === name);
  if (!found) throw new Error(`no Deployment ${name}`);
  return found;
}

describe("pulumi/control-plane", () => {
  let run: ProgramRun<{ namespace: unknown; url: unknown }>;

  beforeAll(async () => {
    run = await runWithMocks(
      "production",
      async () => {
        const { ControlPlane } = await import("../../../pulumi/control-plane/control-plane.ts");
        const controlPlane = new ControlPlane("opus", parseControlPlaneConfig(CONFIG));
        return { namespace: controlPlane.namespace, url: controlPlane.url };
      },
      { project: "opus-control-plane" },
    );
  });

  it("deploys API, console and worker with autoscalers, services, ingress and a migrations job", async () => {
    const kinds = run.resources.filter((r) => r.custom).map((r) => r.type.split(":")[2]);
    const count = (kind: string) => kinds.filter((k) => k === kind).length;
    expect({
      Namespace: count("Namespace"),
      Deployment: count("Deployment"),
      HorizontalPodAutoscaler: count("HorizontalPodAutoscaler"),
      Service: count("Service"),
      ServiceAccount: count("ServiceAccount"),
      Ingress: count("Ingress"),
      Job: count("Job"),
    }).toEqual({ Namespace: 1, Deployment: 3, HorizontalPodAutoscaler: 3, Service: 2, ServiceAccount: 3, Ingress: 1, Job: 1 });
    expect(await promiseOf(run.outputs.url as string)).toBe("https://console.opus.cloud");
    expect(await promiseOf(run.outputs.namespace as string)).toBe("opus-control-plane");
  });

  it("routes /api to the API and everything else to the console, with TLS", () => {
    const [ingress] = manifests(run.resources, "kubernetes:networking.k8s.io/v1:Ingress");
    expect(ingress.spec.tls).toEqual([{ hosts: ["console.opus.cloud"], secretName: "console-opus-cloud-tls" }]);
    expect(ingress.spec.rules).toEqual([
      {
        host: "console.opus.cloud",
        http: {
          paths: [
            { path: "/api", pathType: "Prefix", backend: { service: { name: "opus-api", port: { name: "http" } } } },
            { path: "/", pathType: "Prefix", backend: { service: { name: "opus-console", port: { name: "http" } } } },
          ],
        },
      },
    ]);
    const services = manifests(run.resources, "kubernetes:core/v1:Service");
    expect(services.map((s) => [s.metadata.name, s.spec.ports[0].port])).toEqual(
      expect.arrayContaining([
        ["opus-api", 4000],
        ["opus-console", 3000],
      ]),
    );
  });

  it("lets each autoscaler own its Deployment's replica count", () => {
    const hpas = manifests(run.resources, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
    const bounds = Object.fromEntries(hpas.map((h) => [h.spec.scaleTargetRef.name, [h.spec.minReplicas, h.spec.maxReplicas]]));
    expect(bounds).toEqual({ "opus-api": [2, 6], "opus-console": [2, 4], "opus-worker": [1, 4] });
    for (const d of manifests(run.resources, "kubernetes:apps/v1:Deployment")) expect(d.spec.replicas).toBeUndefined();
  });

  it("references credentials in the existing Secret and never carries their values", () => {
    expect(run.resources.some((r) => r.type === "kubernetes:core/v1:Secret")).toBe(false);
    const pods = [
      ...manifests(run.resources, "kubernetes:apps/v1:Deployment").map((d) => d.spec.template.spec),
      ...manifests(run.resources, "kubernetes:batch/v1:Job").map((j) => j.spec.template.spec),
    ];
    const env = pods.flatMap((pod) => pod.containers.flatMap((c: Manifest) => c.env ?? []));
    const secretEnv = env.filter((e: Manifest) => SECRET_ENV.includes(e.name));
    expect(secretEnv.length).toBeGreaterThanOrEqual(8);
    for (const variable of secretEnv) {
      expect(variable.value, variable.name).toBeUndefined();
      expect(variable.valueFrom.secretKeyRef.name).toBe("opus-control-plane");
    }
    const worker = deployment(run.resources, "opus-worker").spec.template.spec.containers[0];
    expect(worker.env.find((e: Manifest) => e.name === "PULUMI_CONFIG_PASSPHRASE").valueFrom.secretKeyRef.key).toBe(
      "PULUMI_CONFIG_PASSPHRASE",
    );
    expect(worker.env).toContainEqual({ name: "PULUMI_BACKEND_URL", value: "s3://opus-pulumi-state/tenants?region=sa-east-1" });
    expect(worker.command).toEqual(["node", "--import", "tsx", "src/worker.ts"]);
  });

  it("runs migrations in a Job with the API image, auto-named so a new image gets a new Job", () => {
    const [job] = manifests(run.resources, "kubernetes:batch/v1:Job");
    // No name from the program: the Kubernetes provider names it "<resource name>-<random suffix>".
    expect(job.metadata.name).toBeUndefined();
    const container = job.spec.template.spec.containers[0];
    expect(container.image).toBe("registry.opus.io/control-plane/api:1.4.0");
    expect(container.command).toEqual(["node", "--import", "tsx", "src/migrate-database.ts"]);
    expect(job.spec.template.spec.restartPolicy).toBe("Never");
  });

  it("meets the restricted Pod Security Standard its namespace enforces", () => {
    const [namespace] = manifests(run.resources, "kubernetes:core/v1:Namespace");
    expect(namespace.metadata.labels["pod-security.kubernetes.io/enforce"]).toBe("restricted");
    const pods = [
      ...manifests(run.resources, "kubernetes:apps/v1:Deployment").map((d) => d.spec.template.spec),
      ...manifests(run.resources, "kubernetes:batch/v1:Job").map((j) => j.spec.template.spec),
    ];
    for (const pod of pods) {
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: "RuntimeDefault" } });
      expect(pod.automountServiceAccountToken).toBe(false);
      for (const container of pod.containers) {
        expect(container.securityContext).toMatchObject({
          allowPrivilegeEscalation: false,
          capabilities: { drop: ["ALL"] },
          runAsNonRoot: true,
        });
      }
    }
    const worker = deployment(run.resources, "opus-worker");
    expect(worker.spec.template.spec.terminationGracePeriodSeconds).toBe(300);
    // The worker hands its operations over before Kubernetes kills it.
    const workerEnv = worker.spec.template.spec.containers[0].env as { name: string; value?: string }[];
    const grace = Number(workerEnv.find((e) => e.name === "WORKER_SHUTDOWN_GRACE_SECONDS")?.value);
    expect(grace).toBeGreaterThan(0);
    expect(grace).toBeLessThan(300);
    const workerAccount = manifests(run.resources, "kubernetes:core/v1:ServiceAccount").find((s) => s.metadata.name === "opus-worker");
    expect(workerAccount.metadata.annotations).toEqual({ "eks.amazonaws.com/role-arn": "arn:aws:iam::123456789012:role/opus-worker" });
  });

  it("lets HTTP pods leave the Service before they stop listening, and drain within their grace", () => {
    for (const name of ["opus-api", "opus-console"]) {
      const pod = deployment(run.resources, name).spec.template.spec;
      const wait = pod.containers[0].lifecycle?.preStop?.exec?.command;
      expect(wait, name).toEqual(["sleep", expect.stringMatching(/^[1-9]\d*$/)]);
      if (name !== "opus-api") continue;
      // Kubernetes counts the pre-stop wait inside the termination grace: wait + drain must fit.
      const env = pod.containers[0].env as { name: string; value?: string }[];
      const drain = Number(env.find((e) => e.name === "SHUTDOWN_GRACE_SECONDS")?.value);
      expect(drain).toBeGreaterThan(0);
      expect(Number(wait[1]) + drain).toBeLessThan(pod.terminationGracePeriodSeconds);
    }
    // The worker accepts no connections: it stops at once and hands its runs back.
    expect(deployment(run.resources, "opus-worker").spec.template.spec.containers[0].lifecycle).toBeUndefined();
  });

  it("produces objects that pass the Kubernetes schemas", () => {
    for (const object of kubernetesObjects(run.resources)) {
      const manifest = toManifest(object) as Manifest;
      // Auto-named objects get their name from the provider, as "<resource name>-<8 hex>".
      manifest.metadata.name ??= `${object.name}-0a1b2c3d`;
      expect(() => validateKubernetesObject(object.type, manifest), object.name).not.toThrow();
      expect(nameProblems(object.type, manifest), object.name).toEqual([]);
    }
  });

  it("refuses a local state backend for workers and replica bounds upside down", () => {
    expect(() => parseControlPlaneConfig({ ...CONFIG, worker: { pulumiBackendUrl: "file:///var/lib/pulumi" } })).toThrow(
      /worker\.pulumiBackendUrl: workers share state/,
    );
    expect(() => parseControlPlaneConfig({ ...CONFIG, replicas: { api: { min: 4, max: 2 } } })).toThrow(
      /replicas\.api: max must be at least min/,
    );
  });
});
