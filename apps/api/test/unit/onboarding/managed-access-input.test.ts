import { describe, expect, it } from "vitest";
import { ManagedAccessInput } from "../../../src/domain/onboarding/managed-access-input.ts";

const VALID = {
  kubeconfig: "apiVersion: v1\nkind: Config\nclusters: []\n",
  gateway: { domain: "openfinance.aurora.example", namespace: "kong" },
  database: {
    host: "pg.aurora.internal",
    port: 5432,
    adminUser: "opus_admin",
    adminPassword: " spaced secret ",
    sslMode: "require",
    cidr: "10.20.0.0/24",
  },
  queue: {
    kind: "rabbitmq",
    endpoint: "https://mq.aurora.internal:15671",
    adminUser: "opus",
    adminPassword: "mq-secret",
    host: "10.20.1.5",
    port: 5671,
    cidr: "10.20.1.0/24",
  },
};

/** VALID with the value at `path` ("queue.port") replaced. */
function withValue(path: string, value: unknown): unknown {
  const input: Record<string, unknown> = structuredClone(VALID);
  const keys = path.split(".");
  const last = keys.pop() ?? "";
  const parent = keys.reduce((node, key) => node[key] as Record<string, unknown>, input);
  parent[last] = value;
  return input;
}

describe("ManagedAccessInput", () => {
  it("accepts complete access and keeps passwords exactly as typed", () => {
    const parsed = ManagedAccessInput.parse(VALID);
    expect(parsed.database.adminPassword).toBe(" spaced secret ");
  });

  it.each<[string, string, unknown]>([
    ["a host with a scheme", "database.host", "postgres://pg.aurora.internal"],
    ["a gateway domain with a space", "gateway.domain", "openfinance aurora"],
    ["an upper-case namespace", "gateway.namespace", "Kong"],
    ["port 0", "database.port", 0],
    ["port 65536", "queue.port", 65_536],
    ["an address without its range", "queue.cidr", "10.20.1.0"],
    ["an oversize password", "queue.adminPassword", "x".repeat(501)],
    ["an oversize user", "database.adminUser", "x".repeat(121)],
    ["a host longer than DNS allows", "queue.host", `${"a".repeat(250)}.com`],
    ["a management endpoint that is not a URL", "queue.endpoint", "mq.aurora.internal"],
    ["a truncated kubeconfig", "kubeconfig", "apiVersion: v1"],
  ])("refuses %s on its field", (_name, path, value) => {
    const result = ManagedAccessInput.safeParse(withValue(path, value));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([path]);
  });
});
