// The control plane's deployment settings, read from stack config in this one module and
// validated before anything is created. Credentials are never config values here: they live in
// a Kubernetes Secret managed outside this program (External Secrets, Sealed Secrets or by hand),
// and the workloads reference its keys.
import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";

const dnsLabel = z
  .string()
  .regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "must be a DNS label")
  .max(63);
const replicas = z
  .strictObject({ min: z.number().int().min(1), max: z.number().int().min(1) })
  .refine((r) => r.max >= r.min, "max must be at least min");

export const ControlPlaneConfigSchema = z.strictObject({
  namespace: dnsLabel.default("opus-control-plane"),
  /** Public host of the console; the API is served under /api on the same host (same-origin cookies). */
  host: z.string().min(1),
  ingressClassName: z.string().default("nginx"),
  /** TLS certificate Secret for `host` (e.g. issued by cert-manager); omit to terminate TLS before the ingress. */
  tlsSecretName: z.string().optional(),
  /** Image names (with tag or digest) built from docker/api.Dockerfile, console.Dockerfile and agent.Dockerfile. */
  images: z.strictObject({
    /** API, worker and migrations share one image (apps/api); they differ by command. */
    api: z.string().min(1),
    console: z.string().min(1),
    /** The agent's own image, run in customers' clusters: the API names it in install bundles (AGENT_IMAGE). */
    agent: z.string().min(1),
  }),
  imagePullSecret: z.string().optional(),
  commands: z
    .strictObject({
      // Run from the API image's working directory (apps/api); see Dockerfile.api.
      // The API's young generation sized for requests under load (see docker/api.Dockerfile).
      api: z.array(z.string()).default(["node", "--max-semi-space-size=64", "--import", "tsx", "src/server.ts"]),
      worker: z.array(z.string()).default(["node", "--import", "tsx", "src/worker.ts"]),
      migrations: z.array(z.string()).default(["node", "--import", "tsx", "src/migrate-database.ts"]),
    })
    .prefault({}),
  replicas: z
    .strictObject({
      api: replicas.default({ min: 2, max: 6 }),
      console: replicas.default({ min: 2, max: 4 }),
      // Workers lock operations per stack in the database, so several can run side by side.
      worker: replicas.default({ min: 1, max: 4 }),
    })
    .prefault({}),
  /** The existing Secret holding the control plane's credentials, and the key of each. */
  secret: z
    .strictObject({
      name: z.string().default("opus-control-plane"),
      keys: z
        .strictObject({
          databaseUrl: z.string().default("DATABASE_URL"),
          authSecret: z.string().default("AUTH_SECRET"),
          /** The worker's credentials private keys (CREDENTIALS_PRIVATE_KEYS): only the worker gets them. */
          credentialsPrivateKeys: z.string().default("CREDENTIALS_PRIVATE_KEYS"),
          /** base64 of a 32-byte Ed25519 seed: signs the audit chain's checkpoints. */
          auditSigningKey: z.string().default("AUDIT_SIGNING_KEY"),
          /** base64 of a 32-byte Ed25519 seed: signs the operations agents claim (their CONTROL_PLANE_PUBLIC_KEY is its public half). */
          operationSigningKey: z.string().default("OPERATION_SIGNING_KEY"),
          /** Only read while `worker.secretsProvider` is "passphrase". */
          pulumiPassphrase: z.string().default("PULUMI_CONFIG_PASSPHRASE"),
          /** The worker's SAAS_REGIONS JSON: it holds the shared servers' admin passwords. */
          saasRegions: z.string().default("SAAS_REGIONS"),
          smtpUrl: z.string().default("SMTP_URL"),
        })
        .prefault({}),
    })
    .prefault({}),
  /**
   * Codes of the regions offered to SaaS tenants: the keys of the SAAS_REGIONS document in the
   * Secret (the API gets the codes, only the worker gets the document).
   */
  saasRegions: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a region code such as sa-east-1")).min(1),
  /**
   * The public half of the worker's current credentials key (base64 of 32 bytes, from
   * `pnpm credentials:keygen`): the API seals managed clusters' credentials with it. Not a secret.
   */
  credentialsPublicKey: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be base64 of exactly 32 bytes (pnpm credentials:keygen)"),
  /** Sender of the API's e-mails (invitations, sign-up decisions). */
  mailFrom: z.string().min(1).optional(),
  worker: z.strictObject({
    /** Where tenant stacks' state lives, shared by all workers: s3://, gs://, azblob:// (not file://). */
    pulumiBackendUrl: z.string().regex(/^(s3|gs|azblob):\/\//, "workers share state: use s3://, gs:// or azblob://"),
    /** Pulumi installation inside the worker image. */
    pulumiCliRoot: z.string().default("/opt/pulumi"),
    /** "passphrase" (from the Secret) or a KMS URL such as awskms://alias/opus-pulumi. */
    secretsProvider: z.string().min(1).default("passphrase"),
    concurrency: z.number().int().min(1).max(32).default(2),
    /** Annotations binding the worker's service account to a cloud identity (IRSA, Workload Identity). */
    serviceAccountAnnotations: z.record(z.string(), z.string()).default({}),
  }),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace"]).default("info"),
});

export type ControlPlaneConfig = z.infer<typeof ControlPlaneConfigSchema>;
export type ControlPlaneConfigInput = z.input<typeof ControlPlaneConfigSchema>;

export function parseControlPlaneConfig(raw: unknown): ControlPlaneConfig {
  const parsed = ControlPlaneConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`Invalid opus-control-plane configuration:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

/** All settings sit under one structured key: `pulumi config set --path controlPlane.host …`. */
export function readControlPlaneConfig(config = new pulumi.Config("opus-control-plane")): ControlPlaneConfig {
  return parseControlPlaneConfig(config.requireObject("controlPlane"));
}
