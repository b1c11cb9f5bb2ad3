// The only module that reads process.env (a lint rule forbids it elsewhere). Parsed once, at start.
import { z } from "zod";
import { LOCAL_SAAS_REGIONS, SaasRegionsJson } from "./env/saas-region-config.ts";

const DEV_PULUMI_PASSPHRASE = "opus-local-passphrase";
const DEV_AUTH_SECRET = "opus-dev-auth-secret-change-me-0000000000";
// 32 zero-ish bytes, base64: development only, refused in production below.
const DEV_CREDENTIALS_KEY = Buffer.alloc(32, 7).toString("base64");

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.url({ message: "DATABASE_URL must be a postgresql:// URL" }),
    API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
    /** Where people open the console; used for cookies, CSRF origin checks and invitation links. */
    PUBLIC_URL: z.url().default("http://localhost:3000"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").default(DEV_AUTH_SECRET),
    /** base64 of 32 random bytes; encrypts managed-cluster credentials at rest (AES-256-GCM). */
    CREDENTIALS_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, "CREDENTIALS_KEY must be base64 of exactly 32 bytes")
      .default(DEV_CREDENTIALS_KEY),
    /** smtp(s)://user:pass@host:port. Unset: e-mails are written to <DATA_DIR>/outbox as .eml files. */
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    MAIL_FROM: z.string().default("Opus Open Finance <no-reply@opus.example>"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    /** Folder for local state: the embedded database and the default Pulumi file backend. */
    DATA_DIR: z.string().default(".data"),
    PULUMI_BACKEND_URL: z.string().optional(),
    PULUMI_CONFIG_PASSPHRASE: z.string().default(DEV_PULUMI_PASSPHRASE),
    /** How stack secrets are encrypted: "passphrase" (default) or a KMS URL such as awskms://alias/opus-pulumi. */
    PULUMI_SECRETS_PROVIDER: z.string().default("passphrase"),
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
    /** Directory holding bin/pulumi when the CLI is not on PATH. */
    PULUMI_CLI_ROOT: z.string().optional(),
    /** A RUNNING operation whose heartbeat is older than this is taken over by another worker. */
    WORKER_LEASE_SECONDS: z.coerce.number().int().min(10).max(3600).default(60),
    /** Drift check (refresh, preview only) of every ACTIVE environment every N minutes; 0 turns it off. */
    DRIFT_CHECK_MINUTES: z.coerce.number().int().min(0).max(10_080).default(60),
    /** JSON: region → shared cluster, PostgreSQL and RabbitMQ of SaaS tenants (see env/saas-region-config.ts). */
    SAAS_REGIONS: SaasRegionsJson.default(LOCAL_SAAS_REGIONS),
    /** Platform release new environments get (the Helm chart and its version). */
    PLATFORM_VERSION: z.string().min(1).default("3.4.0"),
    PLATFORM_CHART: z.string().min(1).default("opus-platform"),
    PLATFORM_CHART_REPOSITORY: z.string().min(1).default("oci://registry.opus.example/charts"),
    /** Days after a São Paulo month ends before the worker finalizes its usage reports. */
    USAGE_REPORT_GRACE_DAYS: z.coerce.number().int().min(0).max(31).default(3),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (env.AUTH_SECRET === DEV_AUTH_SECRET)
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "set a real AUTH_SECRET in production" });
    if (env.CREDENTIALS_KEY === DEV_CREDENTIALS_KEY)
      ctx.addIssue({ code: "custom", path: ["CREDENTIALS_KEY"], message: "set a real CREDENTIALS_KEY in production" });
    if (env.PULUMI_SECRETS_PROVIDER === "passphrase" && env.PULUMI_CONFIG_PASSPHRASE === DEV_PULUMI_PASSPHRASE) {
      ctx.addIssue({
        code: "custom",
        path: ["PULUMI_CONFIG_PASSPHRASE"],
        message: "set a real passphrase (or a KMS PULUMI_SECRETS_PROVIDER) in production",
      });
    }
    const localRegions = JSON.stringify(env.SAAS_REGIONS) === JSON.stringify(LOCAL_SAAS_REGIONS);
    if (localRegions)
      ctx.addIssue({ code: "custom", path: ["SAAS_REGIONS"], message: "set SAAS_REGIONS in production (the default is local)" });
  });

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
