import { describe, expect, it } from "vitest";
import { parseEnv } from "../../src/env.ts";

const base = { DATABASE_URL: "postgresql://localhost/opus" };

describe("environment", () => {
  it("applies development defaults", () => {
    const env = parseEnv(base);
    expect(env).toMatchObject({ NODE_ENV: "development", API_PORT: 4000, PULUMI_SECRETS_PROVIDER: "passphrase" });
    expect(Object.keys(env.SAAS_REGIONS)).toEqual(["sa-east-1"]);
  });

  it("names every problem at once", () => {
    expect(() => parseEnv({ DATABASE_URL: "nope", API_PORT: "99999", CREDENTIALS_KEY: "c2hvcnQ=" })).toThrow(
      /DATABASE_URL: DATABASE_URL must be a postgresql:\/\/ URL[\s\S]*API_PORT[\s\S]*CREDENTIALS_KEY must be base64 of exactly 32 bytes/,
    );
  });

  it("refuses the development secrets and the local regions in production", () => {
    let message = "";
    try {
      parseEnv({ ...base, NODE_ENV: "production" });
    } catch (error) {
      message = (error as Error).message;
    }
    for (const key of ["AUTH_SECRET", "CREDENTIALS_KEY", "PULUMI_CONFIG_PASSPHRASE", "SAAS_REGIONS"]) expect(message).toContain(key);
  });

  it("accepts a KMS secrets provider in production without a passphrase", () => {
    let message = "";
    try {
      parseEnv({ ...base, NODE_ENV: "production", PULUMI_SECRETS_PROVIDER: "awskms://alias/opus" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain("PULUMI_CONFIG_PASSPHRASE");
  });
});
