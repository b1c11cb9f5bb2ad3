// The agent's Kubernetes manifest (deploy/agent/agent.yaml) against the agent's own settings: every
// variable it sets is one the agent reads, the required ones are all there, the command names a
// file of the API image, and nothing in it accepts connections.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AGENT_SETTINGS, parseAgentEnv } from "../../src/env/agent-env.ts";

const root = path.resolve(import.meta.dirname, "../../../..");
const manifest = readFileSync(path.join(root, "deploy/agent/agent.yaml"), "utf8");
const envNames = [...manifest.matchAll(/- \{ name: ([A-Z_]+),/g)].map((m) => m[1] as string);

describe("deploy/agent/agent.yaml", () => {
  it("sets only variables the agent reads, and every one it needs", () => {
    expect(envNames.filter((name) => !AGENT_SETTINGS.includes(name))).toEqual([]);
    const sample = Object.fromEntries(envNames.map((name) => [name, "x"]));
    const env = parseAgentEnv({
      ...sample,
      NODE_ENV: "production",
      CONTROL_PLANE_URL: "https://opus.example",
      AGENT_KEY: "opus_uk_example",
      CONTROL_PLANE_PUBLIC_KEY: Buffer.alloc(32, 1).toString("base64"),
      AGENT_ID: "opus-agent-7d9f",
      PULUMI_BACKEND_URL: "s3://customer-state",
      PULUMI_CONFIG_PASSPHRASE: "a-real-passphrase",
    });
    expect(env.AGENT_CREDENTIALS_FILE).toBe("x");
  });

  it("refuses a control plane reached over plain HTTP in production", () => {
    expect(() =>
      parseAgentEnv({
        NODE_ENV: "production",
        CONTROL_PLANE_URL: "http://opus.example",
        AGENT_KEY: "opus_uk_example",
        CONTROL_PLANE_PUBLIC_KEY: Buffer.alloc(32, 1).toString("base64"),
        AGENT_INSTITUTION_ID: "i",
        AGENT_CREDENTIALS_FILE: "/c.json",
        PULUMI_BACKEND_URL: "s3://customer-state",
        PULUMI_CONFIG_PASSPHRASE: "a-real-passphrase",
      }),
    ).toThrow(/CONTROL_PLANE_URL: the agent talks to the control plane over HTTPS only/);
  });

  it("runs a file of the API image, and offers nothing to connect to", () => {
    const command = /command: \[([^\]]+)\]/
      .exec(manifest)?.[1]
      ?.split(",")
      .map((part) => part.trim().replaceAll('"', ""));
    const script = command?.find((part) => part.endsWith(".ts"));
    expect(script).toBe("src/agent.ts");
    expect(existsSync(path.join(root, "apps/api", script ?? ""))).toBe(true);
    expect(manifest).not.toMatch(/^kind: (Service|Ingress)\s*$/m);
    expect(manifest).toMatch(/ingress: \[\]/);
  });
});
