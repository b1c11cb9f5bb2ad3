// Settings shared by the control plane's processes, as zod shapes the per-process schemas
// (api-env.ts, worker-env.ts, migrations-env.ts) compose: each process declares only what it reads.
import { z } from "zod";
import { credentialsPublicKeyOf } from "../lib/credentials-envelope.ts";

export const DEV_AUTH_SECRET = "opus-dev-auth-secret-change-me-0000000000";
// 32 fixed bytes, base64: development only, refused in production. The worker's private key and
// the first scheme's symmetric key (lib/credentials-envelope.ts) both default to it.
export const DEV_CREDENTIALS_KEY = Buffer.alloc(32, 7).toString("base64");
export const DEV_CREDENTIALS_PUBLIC_KEY = credentialsPublicKeyOf(DEV_CREDENTIALS_KEY);
// An Ed25519 seed anyone can read: development only, refused in production.
export const DEV_AUDIT_SIGNING_KEY = Buffer.alloc(32, 11).toString("base64");

const key32 = (what: string) =>
  z.string().refine((v) => Buffer.from(v, "base64").length === 32, `${what} must be base64 of exactly 32 bytes`);

/** Every process. */
export const processSettings = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
};

export const databaseSettings = {
  DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgresql:// URL" }),
};

/** Folder for local state: the mail outbox, the embedded database and the default Pulumi file backend. */
export const dataDirSetting = { DATA_DIR: z.string().default(".data") };

/**
 * The API seals managed clusters' credentials with the worker's public key and cannot open them
 * (lib/credentials-envelope.ts). base64 of 32 bytes (X25519); `pnpm credentials:keygen` makes a pair.
 */
export const credentialsPublicKeySetting = {
  CREDENTIALS_PUBLIC_KEY: key32("CREDENTIALS_PUBLIC_KEY").default(DEV_CREDENTIALS_PUBLIC_KEY),
};

/** The worker alone opens credentials: its private keys, the first current, older ones while rotating. */
export const credentialsPrivateKeysSetting = {
  CREDENTIALS_PRIVATE_KEYS: z
    .string()
    .transform((text) => text.split(",").map((key) => key.trim()))
    .refine((keys) => keys.every((key) => Buffer.from(key, "base64").length === 32), {
      message: "CREDENTIALS_PRIVATE_KEYS must be base64 keys of exactly 32 bytes, separated by commas",
    })
    .default([DEV_CREDENTIALS_KEY]),
  /** The first scheme's symmetric key: set only while envelopes sealed with it remain (rotation re-seals them). */
  CREDENTIALS_KEY: key32("CREDENTIALS_KEY").optional(),
};

/** base64 of a 32-byte Ed25519 seed; signs the audit chain's checkpoints (and verifies them). */
export const auditSigningKeySetting = {
  AUDIT_SIGNING_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "AUDIT_SIGNING_KEY must be base64 of exactly 32 bytes")
    .default(DEV_AUDIT_SIGNING_KEY),
  /**
   * After a rotation: the public halves (base64, 32 bytes, comma-separated) of earlier signing keys,
   * so the checkpoints they signed still verify. A checkpoint under any other key is a break.
   */
  AUDIT_RETIRED_PUBLIC_KEYS: z
    .string()
    .transform((text) =>
      text
        .split(",")
        .map((key) => key.trim())
        .filter(Boolean),
    )
    .refine((keys) => keys.every((key) => Buffer.from(key, "base64").length === 32), {
      message: "AUDIT_RETIRED_PUBLIC_KEYS must be base64 public keys of exactly 32 bytes, separated by commas",
    })
    .default([]),
};

/**
 * base64 of a 32-byte Ed25519 seed; signs every operation handed to an agent (its public key is
 * the agent's CONTROL_PLANE_PUBLIC_KEY). A separate key from the audit one: rotating either never
 * touches the other.
 */
export const DEV_OPERATION_SIGNING_KEY = Buffer.alloc(32, 13).toString("base64");
export const operationSigningKeySetting = {
  OPERATION_SIGNING_KEY: key32("OPERATION_SIGNING_KEY").default(DEV_OPERATION_SIGNING_KEY),
  /** An agent's run whose heartbeat is older than this is taken over by another replica of that agent. */
  AGENT_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
};

export const refuseDevOperationSigningKey = {
  key: "OPERATION_SIGNING_KEY",
  when: (env: { OPERATION_SIGNING_KEY: string }) => env.OPERATION_SIGNING_KEY === DEV_OPERATION_SIGNING_KEY,
  message: "set a real OPERATION_SIGNING_KEY in production (base64 of 32 random bytes)",
} as const;

export const refuseDevAuditSigningKey = {
  key: "AUDIT_SIGNING_KEY",
  when: (env: { AUDIT_SIGNING_KEY: string }) => env.AUDIT_SIGNING_KEY === DEV_AUDIT_SIGNING_KEY,
  message: "set a real AUDIT_SIGNING_KEY in production (base64 of 32 random bytes)",
} as const;

/** Platform release new environments and install bundles get (the Helm chart and its version). */
export const platformReleaseSettings = {
  PLATFORM_VERSION: z.string().min(1).default("3.4.0"),
  PLATFORM_CHART: z.string().min(1).default("opus-platform"),
  PLATFORM_CHART_REPOSITORY: z.string().min(1).default("oci://registry.opus.example/charts"),
};

/**
 * Prometheus metrics on their own port (GET /metrics), so the public Ingress, which routes only the
 * API's port, never exposes them. 0 turns them off (the development default: several processes on
 * one machine would otherwise compete for one port); the control-plane program sets 9464.
 */
export const metricsSettings = {
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(0),
};

/** OpenTelemetry: where spans are sent (OTLP over HTTP, e.g. http://otel-collector:4318). Unset: nowhere. */
export const tracingSettings = {
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url({ message: "OTEL_EXPORTER_OTLP_ENDPOINT must be a URL" }).optional(),
};

/** Read by the API (a report's phase) and the worker (which finalizes reports): keep them equal. */
export const usageReportSettings = {
  /** Days after a São Paulo month ends before the worker finalizes its usage reports. */
  USAGE_REPORT_GRACE_DAYS: z.coerce.number().int().min(0).max(31).default(3),
};

type Refusal<T> = { key: keyof T & string; when: (env: T) => boolean; message: string };

/**
 * A superRefine that refuses development values in production: a process started with
 * NODE_ENV=production never runs on a default secret or on local infrastructure.
 */
export function refuseInProduction<T extends { NODE_ENV: string }>(refusals: Refusal<T>[]) {
  return (env: T, ctx: z.RefinementCtx) => {
    if (env.NODE_ENV !== "production") return;
    for (const refusal of refusals) {
      if (refusal.when(env)) ctx.addIssue({ code: "custom", path: [refusal.key], message: refusal.message });
    }
  };
}

export const refuseDevCredentialsPublicKey = {
  key: "CREDENTIALS_PUBLIC_KEY",
  when: (env: { CREDENTIALS_PUBLIC_KEY: string }) => env.CREDENTIALS_PUBLIC_KEY === DEV_CREDENTIALS_PUBLIC_KEY,
  message: "set the worker's real CREDENTIALS_PUBLIC_KEY in production",
} as const;

export const refuseDevCredentialsPrivateKeys = {
  key: "CREDENTIALS_PRIVATE_KEYS",
  when: (env: { CREDENTIALS_PRIVATE_KEYS: string[]; CREDENTIALS_KEY?: string | undefined }) =>
    env.CREDENTIALS_PRIVATE_KEYS.includes(DEV_CREDENTIALS_KEY) || env.CREDENTIALS_KEY === DEV_CREDENTIALS_KEY,
  message: "set real CREDENTIALS_PRIVATE_KEYS (and no development CREDENTIALS_KEY) in production",
} as const;

export const DEV_PULUMI_PASSPHRASE = "opus-local-passphrase";

/** The Pulumi engine's settings: the control plane's worker and a managed account's agent each run it. */
export const pulumiEngineSettings = {
  /** Tenant stacks' state. Unset: a file backend under DATA_DIR (one machine; refused in production). */
  PULUMI_BACKEND_URL: z.string().optional(),
  PULUMI_CONFIG_PASSPHRASE: z.string().default(DEV_PULUMI_PASSPHRASE),
  /** How stack secrets are encrypted: "passphrase" (default) or a KMS URL such as awskms://alias/opus-pulumi. */
  PULUMI_SECRETS_PROVIDER: z.string().default("passphrase"),
  /** Directory holding bin/pulumi when the CLI is not on PATH. */
  PULUMI_CLI_ROOT: z.string().optional(),
};

type PulumiEnv = { PULUMI_BACKEND_URL?: string | undefined; PULUMI_CONFIG_PASSPHRASE: string; PULUMI_SECRETS_PROVIDER: string };

export const refuseDevPulumiSettings = [
  {
    key: "PULUMI_CONFIG_PASSPHRASE",
    when: (env: PulumiEnv) => env.PULUMI_SECRETS_PROVIDER === "passphrase" && env.PULUMI_CONFIG_PASSPHRASE === DEV_PULUMI_PASSPHRASE,
    message: "set a real passphrase (or a KMS PULUMI_SECRETS_PROVIDER) in production",
  },
  {
    key: "PULUMI_BACKEND_URL",
    when: (env: PulumiEnv) => env.PULUMI_BACKEND_URL === undefined,
    message: "set PULUMI_BACKEND_URL in production (the default is a file backend on this machine)",
  },
] as const;
