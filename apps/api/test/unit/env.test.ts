import { describe, expect, it } from "vitest";
import { parseApiEnv } from "../../src/env/api-env.ts";
import { parseMigrationsEnv } from "../../src/env/migrations-env.ts";
import { parseWorkerEnv } from "../../src/env/worker-env.ts";

const base = { DATABASE_URL: "postgresql://localhost/opus" };

function problems(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}

describe("environment, per process", () => {
  it("applies development defaults", () => {
    expect(parseApiEnv(base)).toMatchObject({ NODE_ENV: "development", API_PORT: 4000, SAAS_REGION_NAMES: ["sa-east-1"] });
    const worker = parseWorkerEnv(base);
    expect(worker).toMatchObject({ PULUMI_SECRETS_PROVIDER: "passphrase", WORKER_CONCURRENCY: 2 });
    expect(Object.keys(worker.SAAS_REGIONS)).toEqual(["sa-east-1"]);
    expect(parseMigrationsEnv(base)).toEqual({ ...base, NODE_ENV: "development", LOG_LEVEL: "info" });
  });

  it("names the process and every problem at once", () => {
    const message = problems(() => parseApiEnv({ DATABASE_URL: "nope", API_PORT: "99999", CREDENTIALS_PUBLIC_KEY: "c2hvcnQ=" }));
    expect(message.split("\n")).toEqual([
      "Invalid environment for the API server:",
      "  DATABASE_URL: DATABASE_URL must be a postgresql:// URL",
      "  CREDENTIALS_PUBLIC_KEY: CREDENTIALS_PUBLIC_KEY must be base64 of exactly 32 bytes",
      "  API_PORT: Too big: expected number to be <=65535",
    ]);
  });

  it("fails with a clear message when a required setting is missing", () => {
    expect(() => parseMigrationsEnv({ NODE_ENV: "production" })).toThrow(
      /^Invalid environment for the migrations job:\n {2}DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL$/,
    );
    expect(() => parseWorkerEnv({})).toThrow(/^Invalid environment for the provisioning worker:\n {2}DATABASE_URL: /);
    expect(() => parseApiEnv({})).toThrow(/^Invalid environment for the API server:\n {2}DATABASE_URL: /);
  });

  it("refuses the API's development secrets and the default region list in production", () => {
    const message = problems(() => parseApiEnv({ ...base, NODE_ENV: "production" }));
    expect(message).toContain("AUTH_SECRET: set a real AUTH_SECRET in production");
    expect(message).toContain("CREDENTIALS_PUBLIC_KEY: set the worker's real CREDENTIALS_PUBLIC_KEY in production");
    expect(message).toContain("AUDIT_SIGNING_KEY: set a real AUDIT_SIGNING_KEY in production");
    expect(message).toContain("OPERATION_SIGNING_KEY: set a real OPERATION_SIGNING_KEY in production");
    expect(message).toContain("SAAS_REGION_NAMES: set SAAS_REGION_NAMES in production");
    expect(message).toContain("SMTP_URL: set SMTP_URL in production");
    // The API runs no Pulumi and holds no shared server's password: it never asks for them.
    expect(message).not.toContain("PULUMI");
    expect(message).not.toMatch(/SAAS_REGIONS\b/);
  });

  it("refuses to start the API in production without SMTP_URL, and starts with it", () => {
    const production = {
      ...base,
      NODE_ENV: "production",
      AUTH_SECRET: "a-real-production-secret-0123456789abcdef",
      CREDENTIALS_PUBLIC_KEY: Buffer.from("production-credentials-key-32byt").toString("base64"),
      AUDIT_SIGNING_KEY: Buffer.from("production-audit-signing-key-32b").toString("base64"),
      OPERATION_SIGNING_KEY: Buffer.from("production-operation-signing-32b").toString("base64"),
      SAAS_REGION_NAMES: "sa-east-1",
    };
    expect(() => parseApiEnv(production)).toThrow(/^Invalid environment for the API server:\n {2}SMTP_URL: set SMTP_URL in production/);
    expect(parseApiEnv({ ...production, SMTP_URL: "smtps://mailer:pw@smtp.opus.example:465" })).toMatchObject({
      SMTP_URL: "smtps://mailer:pw@smtp.opus.example:465",
    });
  });

  it("reads rate-limit overrides as JSON of known rules, and trusted proxies as a count", () => {
    const env = parseApiEnv({ ...base, RATE_LIMITS: '{"signInPerIp":{"points":60,"seconds":60}}', TRUSTED_PROXIES: "2" });
    expect(env).toMatchObject({ RATE_LIMITS: { signInPerIp: { points: 60, seconds: 60 } }, TRUSTED_PROXIES: 2 });
    expect(parseApiEnv(base)).toMatchObject({ RATE_LIMITS: {}, TRUSTED_PROXIES: 1 });
    expect(problems(() => parseApiEnv({ ...base, RATE_LIMITS: '{"noSuchRule":{"points":1,"seconds":1}}' }))).toContain(
      "RATE_LIMITS: RATE_LIMITS must be JSON of known rules",
    );
    expect(problems(() => parseApiEnv({ ...base, RATE_LIMITS: "not json" }))).toContain("RATE_LIMITS: RATE_LIMITS must be JSON");
  });

  it("reads the offered regions as a comma-separated list of codes", () => {
    expect(parseApiEnv({ ...base, SAAS_REGION_NAMES: "sa-east-1, southamerica-east1" }).SAAS_REGION_NAMES).toEqual([
      "sa-east-1",
      "southamerica-east1",
    ]);
    expect(problems(() => parseApiEnv({ ...base, SAAS_REGION_NAMES: "sa-east-1,,Brazil South" }))).toContain(
      "SAAS_REGION_NAMES: SAAS_REGION_NAMES must be region codes separated by commas",
    );
  });

  it("reads each SaaS region's Kubernetes version, the same way in the API and the worker", () => {
    expect(parseApiEnv(base).SAAS_REGION_KUBERNETES).toEqual({});
    const versions = JSON.stringify({ "sa-east-1": "1.30", "us-east-1": "v1.29.4" });
    expect(parseApiEnv({ ...base, SAAS_REGION_KUBERNETES: versions }).SAAS_REGION_KUBERNETES).toEqual({
      "sa-east-1": "1.30",
      "us-east-1": "v1.29.4",
    });
    expect(parseWorkerEnv({ ...base, SAAS_REGION_KUBERNETES: versions }).SAAS_REGION_KUBERNETES).toEqual({
      "sa-east-1": "1.30",
      "us-east-1": "v1.29.4",
    });
    expect(problems(() => parseApiEnv({ ...base, SAAS_REGION_KUBERNETES: '{"sa-east-1": "latest"}' }))).toContain(
      "SAAS_REGION_KUBERNETES.sa-east-1: a Kubernetes version such as 1.30",
    );
    expect(problems(() => parseWorkerEnv({ ...base, SAAS_REGION_KUBERNETES: "sa-east-1=1.30" }))).toContain(
      "SAAS_REGION_KUBERNETES must be JSON",
    );
  });

  it("refuses the worker's development secrets, local backend and local regions in production", () => {
    const message = problems(() => parseWorkerEnv({ ...base, NODE_ENV: "production" }));
    for (const key of ["CREDENTIALS_PRIVATE_KEYS", "PULUMI_CONFIG_PASSPHRASE", "PULUMI_BACKEND_URL", "SAAS_REGIONS"]) {
      expect(message).toContain(`${key}: set`);
    }
    // The worker signs nobody in: it never asks for the API's AUTH_SECRET.
    expect(message).not.toContain("AUTH_SECRET");
  });

  it("accepts a KMS secrets provider in production without a passphrase", () => {
    const message = problems(() => parseWorkerEnv({ ...base, NODE_ENV: "production", PULUMI_SECRETS_PROVIDER: "awskms://alias/opus" }));
    expect(message).toContain("SAAS_REGIONS");
    expect(message).not.toContain("PULUMI_CONFIG_PASSPHRASE");
  });
});
