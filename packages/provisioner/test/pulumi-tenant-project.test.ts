// pulumi/tenant, the standalone project: its entry point reads stack config (as an install
// bundle writes it) and runs the same tenant program. Loaded under mocks with that config set.
import * as pulumi from "@pulumi/pulumi";
import { load } from "js-yaml";
import { describe, expect, it } from "vitest";
import { createInstallBundle } from "../src/install-bundle.ts";
import { DATABASE_ADMIN_PASSWORD, QUEUE_ADMIN_PASSWORD, selfManagedSpec, USAGE_TOKEN } from "./support/fixtures.ts";
import { isSecretValue, revealSecrets, runWithMocks, withoutSecrets } from "./support/pulumi-mocks.ts";

const SECRET_KEYS = ["opus-tenant:databaseAdminPassword", "opus-tenant:queueAdminPassword", "opus-tenant:usageReportingToken"];

/** Stack config as the CLI hands it to a program: every value a string, objects as JSON. */
function stackConfigFromBundle(): Record<string, string> {
  const { database, queue, target, usageReporting, ...rest } = selfManagedSpec();
  const bundle = createInstallBundle({
    config: {
      ...rest,
      target: { cluster: target.cluster, gatewayDomain: target.gatewayDomain, gatewayNamespace: target.gatewayNamespace },
      database: { host: database.host, port: database.port, adminUser: database.adminUser, sslMode: database.sslMode, cidr: database.cidr },
      queue: {
        kind: queue.kind,
        endpoint: queue.endpoint,
        adminUser: queue.adminUser,
        host: queue.host,
        port: queue.port,
        cidr: queue.cidr,
      },
      usageReporting: { endpoint: usageReporting?.endpoint ?? "" },
    },
    usageReportingToken: USAGE_TOKEN,
    reportAgent: { controlPlaneUrl: "https://opus.example", image: "registry.opus.io/control-plane/api:1.4.0" },
  });
  const stackFile = bundle.files.find((f) => f.path === "pulumi/Pulumi.acme-production.yaml")?.content ?? "";
  const { config } = load(stackFile) as { config: Record<string, unknown> };
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]));
}

async function runProject(config: Record<string, string>) {
  return runWithMocks("acme-production", async () => {
    pulumi.runtime.setAllConfig(config, SECRET_KEYS);
    const project = await import("../../../pulumi/tenant/index.ts");
    return project.default();
  });
}

describe("pulumi/tenant", () => {
  it("provisions the tenant from a bundle's stack config plus the secrets the operator set", async () => {
    const run = await runProject({
      ...stackConfigFromBundle(),
      "opus-tenant:databaseAdminPassword": DATABASE_ADMIN_PASSWORD,
      "opus-tenant:queueAdminPassword": QUEUE_ADMIN_PASSWORD,
      "opus-tenant:usageReportingToken": USAGE_TOKEN,
    });
    const names = run.resources.map((r) => `${r.type} ${r.name}`);
    expect(names).toContain("kubernetes:core/v1:Namespace acme-production-namespace");
    expect(names).toContain("kubernetes:helm.sh/v3:Release acme-production-release");

    // Credentials read with requireSecret reach the providers as secrets.
    const postgres = run.resources.find((r) => r.type === "pulumi:providers:postgresql");
    expect(isSecretValue(postgres?.inputs.password)).toBe(true);
    expect(revealSecrets(postgres?.inputs.password)).toBe(DATABASE_ADMIN_PASSWORD);
    const secret = run.resources.find((r) => r.type === "kubernetes:core/v1:Secret");
    expect((revealSecrets(secret?.inputs.stringData) as Record<string, string>).USAGE_REPORTING_TOKEN).toBe(USAGE_TOKEN);
    for (const resource of run.resources) {
      const plain = JSON.stringify(withoutSecrets(resource.inputs));
      for (const credential of [DATABASE_ADMIN_PASSWORD, QUEUE_ADMIN_PASSWORD, USAGE_TOKEN]) expect(plain).not.toContain(credential);
    }
    expect(await pulumi.isSecret(run.outputs.databaseCredentials)).toBe(true);
  });

  it("stops with every configuration problem listed before creating anything", async () => {
    const config = stackConfigFromBundle();
    delete config["opus-tenant:database"];
    config["opus-tenant:planSize"] = "HUGE";
    const error = await runProject({ ...config, "opus-tenant:databaseAdminPassword": "x", "opus-tenant:queueAdminPassword": "y" }).catch(
      (e: Error) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain("Invalid stack configuration:");
    expect((error as Error).message).toContain("opus-tenant:planSize:");
    expect((error as Error).message).toContain("opus-tenant:database:");
  });

  it("requires the admin passwords as secrets", async () => {
    const error = await runProject(stackConfigFromBundle()).catch((e: Error) => e);
    expect((error as Error).message).toMatch(/Missing required configuration variable 'opus-tenant:databaseAdminPassword'/);
  });
});
