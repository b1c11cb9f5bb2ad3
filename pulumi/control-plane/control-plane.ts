// The control plane on Kubernetes: API, console and provisioning worker (each autoscaled), the
// database migrations that run before them, and one Ingress serving the console at / and the API
// at /api on the same host.
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import type { ControlPlaneConfig } from "./config.ts";
import { DatabaseMigrations } from "./database-migrations.ts";
import { PRE_STOP_SECONDS, ScaledApp } from "./scaled-app.ts";

type EnvVar = k8s.types.input.core.v1.EnvVar;

/** The ports the images EXPOSE (Dockerfile.api, Dockerfile.console). */
export const API_PORT = 4000;
export const CONSOLE_PORT = 3000;
/** Prometheus metrics of the API and the worker (METRICS_PORT); OpenTelemetry's Prometheus default. */
export const METRICS_PORT = 9464;
/** How long Kubernetes waits after SIGTERM before it kills a worker pod. */
const WORKER_TERMINATION_GRACE_SECONDS = 300;
/** The API pod's: its pre-stop wait, then SHUTDOWN_GRACE_SECONDS to drain, with 5 s to spare. */
const API_TERMINATION_GRACE_SECONDS = 30;

export class ControlPlane extends pulumi.ComponentResource {
  public readonly namespace: pulumi.Output<string>;
  public readonly url: pulumi.Output<string>;

  constructor(name: string, config: ControlPlaneConfig, opts: pulumi.ComponentResourceOptions = {}) {
    super("opus:controlPlane:ControlPlane", name, {}, opts);
    const labels = { "app.kubernetes.io/part-of": "opus-control-plane", "app.kubernetes.io/managed-by": "pulumi" };
    const publicUrl = `https://${config.host}`;

    const namespace = new k8s.core.v1.Namespace(
      `${name}-namespace`,
      {
        metadata: {
          name: config.namespace,
          labels: {
            ...labels,
            // These pods hold every managed tenant's cluster credentials: strictest profile.
            "pod-security.kubernetes.io/enforce": "restricted",
            "pod-security.kubernetes.io/audit": "restricted",
          },
        },
      },
      { parent: this },
    );
    this.namespace = namespace.metadata.name;

    /** Env var read from the control plane's Secret: the value never passes through Pulumi. */
    const fromSecret = (envName: string, key: string): EnvVar => ({
      name: envName,
      valueFrom: { secretKeyRef: { name: config.secret.name, key } },
    });
    const keys = config.secret.keys;
    const databaseUrl = fromSecret("DATABASE_URL", keys.databaseUrl);
    // Each process gets only the settings its own schema reads (apps/api/src/env/*-env.ts,
    // apps/console/src/lib/server-env.ts), and each refuses to start in production on a
    // development default: control-plane-env.test.ts runs every container's environment through it.
    const processEnv: EnvVar[] = [
      { name: "NODE_ENV", value: "production" },
      { name: "LOG_LEVEL", value: config.logLevel },
    ];
    const inNamespace = { namespace: this.namespace, labels, imagePullSecret: config.imagePullSecret };

    const migrations = new DatabaseMigrations(
      `${name}-migrations`,
      { ...inNamespace, image: config.images.api, command: config.commands.migrations, env: [...processEnv, databaseUrl] },
      { parent: this },
    );
    // New code starts only against a migrated schema.
    const afterMigrations = [migrations];

    const api = new ScaledApp(
      `${name}-api`,
      {
        ...inNamespace,
        appName: "opus-api",
        image: config.images.api,
        command: config.commands.api,
        port: API_PORT,
        metricsPort: METRICS_PORT,
        env: [
          ...processEnv,
          databaseUrl,
          { name: "API_PORT", value: String(API_PORT) },
          { name: "SHUTDOWN_GRACE_SECONDS", value: String(API_TERMINATION_GRACE_SECONDS - PRE_STOP_SECONDS - 5) },
          { name: "METRICS_PORT", value: String(METRICS_PORT) },
          { name: "PUBLIC_URL", value: publicUrl },
          // Install bundles run the self-managed installation's report-only agent on the agent image.
          { name: "AGENT_IMAGE", value: config.images.agent },
          fromSecret("AUTH_SECRET", keys.authSecret),
          // The public key only: the API seals credentials it can never open.
          { name: "CREDENTIALS_PUBLIC_KEY", value: config.credentialsPublicKey },
          fromSecret("AUDIT_SIGNING_KEY", keys.auditSigningKey),
          fromSecret("OPERATION_SIGNING_KEY", keys.operationSigningKey),
          fromSecret("SMTP_URL", keys.smtpUrl),
          ...(config.mailFrom ? [{ name: "MAIL_FROM", value: config.mailFrom }] : []),
          { name: "SAAS_REGION_NAMES", value: config.saasRegions.join(",") },
        ],
        replicas: config.replicas.api,
        resources: { requests: { cpu: "250m", memory: "384Mi" }, limits: { cpu: "1", memory: "768Mi" } },
        terminationGracePeriodSeconds: API_TERMINATION_GRACE_SECONDS,
        dependsOn: afterMigrations,
      },
      { parent: this },
    );

    new ScaledApp(
      `${name}-worker`,
      {
        ...inNamespace,
        appName: "opus-worker",
        image: config.images.api,
        command: config.commands.worker,
        metricsPort: METRICS_PORT,
        env: [
          ...processEnv,
          databaseUrl,
          { name: "METRICS_PORT", value: String(METRICS_PORT) },
          // The worker alone opens managed clusters' credentials.
          fromSecret("CREDENTIALS_PRIVATE_KEYS", keys.credentialsPrivateKeys),
          fromSecret("SAAS_REGIONS", keys.saasRegions),
          { name: "PULUMI_BACKEND_URL", value: config.worker.pulumiBackendUrl },
          { name: "PULUMI_SECRETS_PROVIDER", value: config.worker.secretsProvider },
          // With a KMS provider the Secret need not hold a passphrase (a missing key would stop the pod).
          ...(config.worker.secretsProvider === "passphrase" ? [fromSecret("PULUMI_CONFIG_PASSPHRASE", keys.pulumiPassphrase)] : []),
          { name: "PULUMI_CLI_ROOT", value: config.worker.pulumiCliRoot },
          // Read by the Pulumi CLI itself: no version check against the internet on every run.
          { name: "PULUMI_SKIP_UPDATE_CHECK", value: "true" },
          { name: "WORKER_CONCURRENCY", value: String(config.worker.concurrency) },
          // Hands running operations over before Kubernetes kills the pod, with time to spare.
          { name: "WORKER_SHUTDOWN_GRACE_SECONDS", value: String(WORKER_TERMINATION_GRACE_SECONDS - 30) },
        ],
        replicas: config.replicas.worker,
        // Pulumi runs the tenant program in-process and drives the CLI and provider plugins.
        resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2", memory: "3Gi" } },
        // Pulumi writes its workspace and lock files under PULUMI_HOME, next to the plugins
        // baked into the image.
        writableRoot: true,
        serviceAccountAnnotations: config.worker.serviceAccountAnnotations,
        // On SIGTERM the worker cancels running operations; Pulumi needs time to stop cleanly
        // and release the stack's lock, or the next worker finds it stuck.
        terminationGracePeriodSeconds: WORKER_TERMINATION_GRACE_SECONDS,
        dependsOn: afterMigrations,
      },
      { parent: this },
    );

    const consoleApp = new ScaledApp(
      `${name}-console`,
      {
        ...inNamespace,
        appName: "opus-console",
        image: config.images.console,
        port: CONSOLE_PORT,
        // The console's only setting of its own, API_ORIGIN, is compiled into its image (the
        // in-cluster API Service, see Dockerfile.console); the Ingress sends /api to the API anyway.
        env: [
          { name: "NODE_ENV", value: "production" },
          // Read by Next's standalone server.
          { name: "PORT", value: String(CONSOLE_PORT) },
          { name: "HOSTNAME", value: "0.0.0.0" },
        ],
        replicas: config.replicas.console,
        resources: { requests: { cpu: "200m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
        // Next.js writes its cache beside the build output.
        writableRoot: true,
      },
      { parent: this },
    );

    if (!api.serviceName || !consoleApp.serviceName) throw new Error("API and console listen on a port and must have a Service");
    const backend = (service: pulumi.Output<string>) => ({ service: { name: service, port: { name: "http" } } });
    new k8s.networking.v1.Ingress(
      `${name}-ingress`,
      {
        metadata: { name: "opus-control-plane", namespace: this.namespace, labels },
        spec: {
          ingressClassName: config.ingressClassName,
          ...(config.tlsSecretName ? { tls: [{ hosts: [config.host], secretName: config.tlsSecretName }] } : {}),
          rules: [
            {
              host: config.host,
              http: {
                // Longest prefix wins: /api/… reaches the API, everything else the console.
                paths: [
                  { path: "/api", pathType: "Prefix", backend: backend(api.serviceName) },
                  { path: "/", pathType: "Prefix", backend: backend(consoleApp.serviceName) },
                ],
              },
            },
          ],
        },
      },
      { parent: this },
    );

    this.url = pulumi.output(publicUrl);
    this.registerOutputs({ namespace: this.namespace, url: this.url });
  }
}
