// What the API server (src/server.ts) reads: HTTP, sign-in, mail, the credentials cipher (it seals
// what the onboarding wizard receives) and the facts the domain decides with. No Pulumi settings
// and no shared servers' passwords: only the worker provisions.
import { z } from "zod";
import { SESSION_READ_CACHE_DEFAULT_MS, SESSION_READ_CACHE_MAX_MS } from "../auth/session-read-cache.ts";
import { RATE_RULES, type RateRuleName } from "../lib/rate-limits.ts";
import { parseEnvWith } from "./load-env.ts";
import { LOCAL_SAAS_REGIONS, SaasKubernetesJson } from "./saas-region-config.ts";
import {
  auditSigningKeySetting,
  credentialsPublicKeySetting,
  DEV_AUTH_SECRET,
  databaseSettings,
  dataDirSetting,
  metricsSettings,
  operationSigningKeySetting,
  platformReleaseSettings,
  processSettings,
  refuseDevAuditSigningKey,
  refuseDevCredentialsPublicKey,
  refuseDevOperationSigningKey,
  refuseInProduction,
  tracingSettings,
  usageReportSettings,
} from "./settings.ts";

const rateRule = z.strictObject({
  points: z.number().int().min(1),
  seconds: z.number().int().min(1).max(86_400),
  fixedMinute: z.boolean().optional(),
});
const rateRulesSchema = z.strictObject(
  Object.fromEntries(Object.keys(RATE_RULES).map((name) => [name, rateRule.optional()])) as Record<
    RateRuleName,
    z.ZodOptional<typeof rateRule>
  >,
);

const regionCode = /^[a-z0-9][a-z0-9-]*$/;

const apiSettings = z.object({
  ...processSettings,
  ...databaseSettings,
  ...dataDirSetting,
  ...credentialsPublicKeySetting,
  ...auditSigningKeySetting,
  ...operationSigningKeySetting,
  ...platformReleaseSettings,
  ...usageReportSettings,
  /**
   * After SIGTERM, how long requests in flight get to finish before their connections are closed
   * (then the database is disconnected). Keep it below the pod's terminationGracePeriodSeconds (30).
   */
  SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(20),
  /**
   * Milliseconds a query (GET) may answer from memory who a session belongs to (0: off, at most 5 s).
   * It is how long a session signed out, or a membership removed, through another replica can still
   * be read with; the replica that served the change forgets at once (auth/session-read-cache.ts).
   */
  SESSION_READ_CACHE_MS: z.coerce.number().int().min(0).max(SESSION_READ_CACHE_MAX_MS).default(SESSION_READ_CACHE_DEFAULT_MS),
  /** Seconds between signed checkpoints of the audit chain (one is signed only when the chain grew). */
  AUDIT_CHECKPOINT_INTERVAL_SECONDS: z.coerce.number().int().min(5).max(86_400).default(300),
  ...metricsSettings,
  ...tracingSettings,
  /**
   * Proxies in front of the API that append to X-Forwarded-For (the console's own proxy is one);
   * the client address is read that many hops back, and anything further left is the client's say.
   */
  /**
   * JSON overriding rate-limit rules by name, e.g. {"signInPerIp":{"points":60,"seconds":60}}; the
   * names and defaults are in src/lib/rate-limits.ts.
   */
  RATE_LIMITS: z
    .string()
    .optional()
    .transform((text, ctx) => {
      if (text === undefined) return {};
      try {
        return rateRulesSchema.parse(JSON.parse(text));
      } catch (error) {
        ctx.addIssue({
          code: "custom",
          message: `RATE_LIMITS must be JSON of known rules (${error instanceof Error ? error.message.slice(0, 200) : "invalid"})`,
        });
        return z.NEVER;
      }
    }),
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(1),
  API_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  /** Where people open the console; used for cookies, CSRF origin checks and invitation links. */
  PUBLIC_URL: z.url().default("http://localhost:3000"),
  /** The agent's image (docker/agent.Dockerfile): install bundles give it to their report-only agent's chart values. */
  AGENT_IMAGE: z.string().min(1).optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").default(DEV_AUTH_SECRET),
  /** smtp(s)://user:pass@host:port. Unset: e-mails are written to <DATA_DIR>/outbox as .eml files. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Opus Open Finance <no-reply@opus.example>"),
  /**
   * Comma-separated codes of the regions offered to SaaS tenants: the keys of the worker's
   * SAAS_REGIONS, whose passwords the API never holds. Unset: the local region (refused in production).
   */
  SAAS_REGION_KUBERNETES: SaasKubernetesJson.default({}),
  SAAS_REGION_NAMES: z
    .string()
    .transform((text) => text.split(",").map((code) => code.trim()))
    .refine((codes) => codes.every((code) => regionCode.test(code)), "SAAS_REGION_NAMES must be region codes separated by commas")
    .optional(),
});

const ApiEnvSchema = apiSettings
  .superRefine(
    refuseInProduction<z.output<typeof apiSettings>>([
      { key: "AUTH_SECRET", when: (env) => env.AUTH_SECRET === DEV_AUTH_SECRET, message: "set a real AUTH_SECRET in production" },
      refuseDevCredentialsPublicKey,
      refuseDevAuditSigningKey,
      refuseDevOperationSigningKey,
      {
        key: "SMTP_URL",
        when: (env) => env.SMTP_URL === undefined,
        message: "set SMTP_URL in production (without it e-mails are only written to files under DATA_DIR/outbox)",
      },
      {
        key: "SAAS_REGION_NAMES",
        when: (env) => env.SAAS_REGION_NAMES === undefined,
        message: "set SAAS_REGION_NAMES in production (the default is the local region)",
      },
    ]),
  )
  .transform(({ SAAS_REGION_NAMES, ...env }) => ({ ...env, SAAS_REGION_NAMES: SAAS_REGION_NAMES ?? Object.keys(LOCAL_SAAS_REGIONS) }));

export type ApiEnv = z.infer<typeof ApiEnvSchema>;

/** Names the settings this process reads, for the deployment's tests. */
export const API_SETTINGS = Object.keys(apiSettings.shape);

export function parseApiEnv(source: Record<string, string | undefined>): ApiEnv {
  return parseEnvWith("API server", ApiEnvSchema, source);
}
