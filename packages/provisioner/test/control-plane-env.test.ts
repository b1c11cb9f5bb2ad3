// pulumi/control-plane renders containers whose environment passes each process's own validation:
// every container's env, as the program renders it (values from the Secret resolved as the pod
// would resolve them), goes through that process's schema in production mode.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { API_SETTINGS, parseApiEnv } from "../../../apps/api/src/env/api-env.ts";
import { MIGRATIONS_SETTINGS, parseMigrationsEnv } from "../../../apps/api/src/env/migrations-env.ts";
import { LOCAL_SAAS_REGIONS, type SaasRegions } from "../../../apps/api/src/env/saas-region-config.ts";
import { parseWorkerEnv, WORKER_SETTINGS } from "../../../apps/api/src/env/worker-env.ts";
import {
  createCredentialsOpener,
  createCredentialsSealer,
  generateCredentialsKeyPair,
} from "../../../apps/api/src/lib/credentials-envelope.ts";
import { CONSOLE_SETTINGS, parseConsoleEnv } from "../../../apps/console/src/lib/server-env.ts";
import { type ControlPlaneConfigInput, parseControlPlaneConfig } from "../../../pulumi/control-plane/config.ts";
import { toManifest } from "./support/kubernetes-schemas.ts";
import { type RecordedResource, runWithMocks } from "./support/pulumi-mocks.ts";

// The operator's key pair: the public half goes into the program's config, the private into the Secret.
const CREDENTIALS = generateCredentialsKeyPair();
const CONFIG: ControlPlaneConfigInput = {
  host: "console.opus.cloud",
  images: {
    api: "registry.opus.io/control-plane/api:1.4.0",
    console: "registry.opus.io/control-plane/console:1.4.0",
    agent: "registry.opus.io/control-plane/agent:1.4.0",
  },
  saasRegions: ["sa-east-1"],
  credentialsPublicKey: CREDENTIALS.publicKey,
  worker: { pulumiBackendUrl: "s3://opus-pulumi-state/tenants?region=sa-east-1" },
};

const local = LOCAL_SAAS_REGIONS["sa-east-1"];
if (!local) throw new Error("LOCAL_SAAS_REGIONS has no sa-east-1");
const PRODUCTION_REGIONS: SaasRegions = {
  "sa-east-1": {
    ...local,
    cluster: "saas-sa-east-1-prod",
    gatewayDomain: "sa-east-1.opus.cloud",
    database: { ...local.database, host: "shared-pg.sa-east-1.internal", adminPassword: randomBytes(18).toString("base64url") },
    queue: { ...local.queue, endpoint: "https://mq.sa-east-1.internal:15671", adminPassword: randomBytes(18).toString("base64url") },
  },
};

/** The control plane's Secret as an operator creates it, with the keys the README documents. */
const SECRET = {
  DATABASE_URL: "postgresql://opus:s3cret@db.opus.internal:5432/opus?sslmode=require",
  AUTH_SECRET: randomBytes(32).toString("base64url"),
  CREDENTIALS_PRIVATE_KEYS: CREDENTIALS.privateKey,
  AUDIT_SIGNING_KEY: randomBytes(32).toString("base64"),
  OPERATION_SIGNING_KEY: randomBytes(32).toString("base64"),
  PULUMI_CONFIG_PASSPHRASE: randomBytes(24).toString("base64url"),
  SAAS_REGIONS: JSON.stringify(PRODUCTION_REGIONS),
  SMTP_URL: "smtps://opus:mailpass@smtp.opus.cloud:465",
};

type Source = Record<string, string | undefined>;
type ProcessSchema = { label: string; parse: (source: Source) => unknown; settings: string[] };

// Which process each workload runs, and what it reads.
const PROCESSES: Record<string, ProcessSchema> = {
  "opus-api": { label: "API server", parse: parseApiEnv, settings: API_SETTINGS },
  "opus-worker": { label: "provisioning worker", parse: parseWorkerEnv, settings: WORKER_SETTINGS },
  "opus-console": { label: "console", parse: parseConsoleEnv, settings: CONSOLE_SETTINGS },
  "opus-migrations": { label: "migrations job", parse: parseMigrationsEnv, settings: MIGRATIONS_SETTINGS },
};

/** Variables read by tools inside the images rather than by our code. */
const READ_BY_TOOLS = new Set(["PULUMI_SKIP_UPDATE_CHECK"]);

// biome-ignore lint/suspicious/noExplicitAny: manifests are inspected field by field
type Manifest = any;
type Workload = { app: string; container: string; env: Source };

/** Each container's environment as the kubelet would give it: literal values and Secret keys resolved. */
function renderedWorkloads(resources: RecordedResource[], secrets: Record<string, Record<string, string>>): Workload[] {
  const pods = resources
    .filter((r) => r.type === "kubernetes:apps/v1:Deployment" || r.type === "kubernetes:batch/v1:Job")
    .map((r) => toManifest(r) as Manifest)
    .map((m) => ({ app: m.spec.template.metadata.labels["app.kubernetes.io/name"] as string, pod: m.spec.template.spec }));
  return pods.flatMap(({ app, pod }) =>
    pod.containers.map((container: Manifest) => {
      const env: Source = {};
      for (const variable of container.env ?? []) {
        if (variable.value !== undefined) env[variable.name] = String(variable.value);
        else if (variable.valueFrom?.secretKeyRef) {
          const { name, key } = variable.valueFrom.secretKeyRef;
          const value = secrets[name]?.[key];
          // A missing key keeps the pod from starting (CreateContainerConfigError).
          if (value === undefined) throw new Error(`${app}: ${variable.name} refers to ${name}/${key}, which the Secret lacks`);
          env[variable.name] = value;
        } else throw new Error(`${app}: ${variable.name} has a source this test does not resolve`);
      }
      return { app, container: container.name, env };
    }),
  );
}

async function render(config: ControlPlaneConfigInput): Promise<RecordedResource[]> {
  const run = await runWithMocks(
    "production",
    async () => {
      const { ControlPlane } = await import("../../../pulumi/control-plane/control-plane.ts");
      const controlPlane = new ControlPlane("opus", parseControlPlaneConfig(config));
      return { namespace: controlPlane.namespace };
    },
    { project: "opus-control-plane" },
  );
  return run.resources;
}

function processOf(workload: Workload): ProcessSchema {
  const schema = PROCESSES[workload.app];
  if (!schema) throw new Error(`no environment schema for ${workload.app}: add it to PROCESSES`);
  return schema;
}

describe("pulumi/control-plane containers' environment", () => {
  let workloads: Workload[];

  beforeAll(async () => {
    workloads = renderedWorkloads(await render(CONFIG), { "opus-control-plane": SECRET });
  });

  it("renders one container for each process", () => {
    expect(workloads.map((w) => w.app).sort()).toEqual(["opus-api", "opus-console", "opus-migrations", "opus-worker"]);
  });

  it("passes each process's own validation in production", () => {
    for (const workload of workloads) {
      expect(workload.env.NODE_ENV, workload.app).toBe("production");
      expect(() => processOf(workload).parse(workload.env), workload.app).not.toThrow();
    }
  });

  it("sets nothing the process does not read", () => {
    for (const workload of workloads) {
      const { settings } = processOf(workload);
      const unread = Object.keys(workload.env).filter((name) => !settings.includes(name) && !READ_BY_TOOLS.has(name));
      expect(unread, workload.app).toEqual([]);
    }
  });

  it("exposes the API's and the worker's metrics port to Prometheus, never through the Service", async () => {
    const resources = await render(CONFIG);
    const manifests = resources.map((r) => ({ type: r.type, manifest: toManifest(r) as Manifest }));
    for (const app of ["opus-api", "opus-worker"]) {
      const deployment = manifests.find((m) => m.type === "kubernetes:apps/v1:Deployment" && m.manifest.metadata.name === app)?.manifest;
      const port = Number(workloads.find((w) => w.app === app)?.env.METRICS_PORT);
      expect(port, app).toBeGreaterThan(0);
      const container = deployment?.spec.template.spec.containers[0];
      expect(container?.ports, app).toContainEqual({ name: "metrics", containerPort: port, protocol: "TCP" });
      expect(deployment?.spec.template.metadata.annotations, app).toMatchObject({
        "prometheus.io/scrape": "true",
        "prometheus.io/port": String(port),
        "prometheus.io/path": "/metrics",
      });
    }
    const services = manifests.filter((m) => m.type === "kubernetes:core/v1:Service").map((m) => m.manifest);
    expect(services.length).toBeGreaterThan(0);
    for (const service of services) expect(service.spec.ports.map((p: Manifest) => p.name)).not.toContain("metrics");
  });

  it("lets the API seal credentials that only the worker can open", () => {
    const api = parseApiEnv(workloads.find((w) => w.app === "opus-api")?.env ?? {});
    const worker = parseWorkerEnv(workloads.find((w) => w.app === "opus-worker")?.env ?? {});
    const sealed = createCredentialsSealer(api.CREDENTIALS_PUBLIC_KEY).encrypt("apiVersion: v1\nkind: Config\n");
    expect(createCredentialsOpener({ privateKeys: worker.CREDENTIALS_PRIVATE_KEYS }).decrypt(sealed)).toBe(
      "apiVersion: v1\nkind: Config\n",
    );
    expect(Object.keys(workloads.find((w) => w.app === "opus-api")?.env ?? {})).not.toContain("CREDENTIALS_PRIVATE_KEYS");
  });

  it("names the agent's own image, not the API's, for the install bundles' agents", () => {
    const api = parseApiEnv(workloads.find((w) => w.app === "opus-api")?.env ?? {});
    expect(api.AGENT_IMAGE).toBe("registry.opus.io/control-plane/agent:1.4.0");
  });

  it("gives each process only its own secrets", () => {
    const env = (app: string) => Object.keys(workloads.find((w) => w.app === app)?.env ?? {});
    // The API never holds the shared servers' passwords nor Pulumi's passphrase; the worker signs nobody in.
    expect(env("opus-api")).not.toContain("SAAS_REGIONS");
    expect(env("opus-api").filter((name) => name.startsWith("PULUMI_"))).toEqual([]);
    expect(env("opus-worker")).not.toContain("AUTH_SECRET");
    expect(env("opus-migrations").sort()).toEqual(["DATABASE_URL", "LOG_LEVEL", "NODE_ENV"]);
    const api = parseApiEnv(workloads.find((w) => w.app === "opus-api")?.env ?? {});
    expect(api.SAAS_REGION_NAMES).toEqual(["sa-east-1"]);
  });

  it("fails with a clear message, naming the setting, when a required one is missing", () => {
    const required: Record<string, string[]> = {};
    for (const workload of workloads) {
      const { label, parse } = processOf(workload);
      for (const name of Object.keys(workload.env)) {
        const { [name]: _dropped, ...rest } = workload.env;
        let message: string | undefined;
        try {
          parse(rest);
        } catch (error) {
          message = (error as Error).message;
        }
        if (message === undefined) continue;
        expect(message).toMatch(new RegExp(`^Invalid environment for the ${label}:\\n {2}${name}: `));
        required[workload.app] = [...(required[workload.app] ?? []), name];
      }
    }
    for (const names of Object.values(required)) names.sort();
    expect(required).toEqual({
      "opus-api": [
        "AUDIT_SIGNING_KEY",
        "AUTH_SECRET",
        "CREDENTIALS_PUBLIC_KEY",
        "DATABASE_URL",
        "OPERATION_SIGNING_KEY",
        "SAAS_REGION_NAMES",
        "SMTP_URL",
      ],
      "opus-worker": ["CREDENTIALS_PRIVATE_KEYS", "DATABASE_URL", "PULUMI_BACKEND_URL", "PULUMI_CONFIG_PASSPHRASE", "SAAS_REGIONS"],
      "opus-migrations": ["DATABASE_URL"],
    });
  });

  it("names the Secret key a pod would miss", async () => {
    const { SAAS_REGIONS: _missing, ...withoutRegions } = SECRET;
    const resources = await render(CONFIG);
    expect(() => renderedWorkloads(resources, { "opus-control-plane": withoutRegions })).toThrow(
      "opus-worker: SAAS_REGIONS refers to opus-control-plane/SAAS_REGIONS, which the Secret lacks",
    );
  });

  it("with a KMS secrets provider, needs no passphrase in the Secret", async () => {
    const { PULUMI_CONFIG_PASSPHRASE: _none, ...withoutPassphrase } = SECRET;
    const kms = renderedWorkloads(
      await render({ ...CONFIG, worker: { ...CONFIG.worker, secretsProvider: "awskms://alias/opus-pulumi" } }),
      { "opus-control-plane": withoutPassphrase },
    );
    const worker = kms.find((w) => w.app === "opus-worker");
    if (!worker) throw new Error("no worker");
    expect(worker.env.PULUMI_SECRETS_PROVIDER).toBe("awskms://alias/opus-pulumi");
    expect(() => parseWorkerEnv(worker.env)).not.toThrow();
  });
});
