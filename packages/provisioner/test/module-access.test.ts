// Least privilege per module: the release declares its modules and which connect to the database or
// the queue; the tenant program gives each of those its own role (connect to the tenant database,
// own one schema, nothing else) and its own queue user (its own objects and the events exchange),
// hands each module only its own credentials, and an upgrade that adds a module adds its access.
import { describe, expect, it } from "vitest";
import { buildPlatformValues } from "../src/platform-values.ts";
import { modulePermissions } from "../src/rabbitmq-queue.ts";
import { type PlatformModule, TenantEnvironmentSpecSchema } from "../src/spec.ts";
import { tenantSpec } from "./support/fixtures.ts";
import { mockPassword, type RecordedResource, revealSecrets, runWithMocks, withoutSecrets } from "./support/pulumi-mocks.ts";

const V3_0: PlatformModule[] = [
  { name: "consent", valuesKey: "consent", needsDatabase: true, needsQueue: true },
  { name: "metrics", valuesKey: "modules.metrics", needsDatabase: true, needsQueue: false },
  { name: "status", valuesKey: "status", needsDatabase: false, needsQueue: false },
];
const V3_1: PlatformModule[] = [...V3_0, { name: "payments", valuesKey: "payments", needsDatabase: true, needsQueue: true }];

async function resourcesFor(modules: PlatformModule[]): Promise<RecordedResource[]> {
  const spec = tenantSpec({ release: { version: "3.0.0", chart: "opus-platform", repository: "https://charts.opus.io", modules } });
  const run = await runWithMocks("acme-production", async () => {
    const { createTenantProgram } = await import("../src/tenant-program.ts");
    return createTenantProgram(spec)();
  });
  return run.resources;
}

const ofType = (resources: RecordedResource[], type: string) => resources.filter((r) => r.type === type);
const one = (resources: RecordedResource[], type: string, name: string) => {
  const found = resources.filter((r) => r.type === type && r.name === name);
  if (found.length !== 1) throw new Error(`expected one ${type} ${name}, found ${found.length}`);
  return found[0] as RecordedResource;
};

describe("per-module database roles and queue users", () => {
  it("gives each connecting module its own least-privilege role and schema, and nothing to a module that does not connect", async () => {
    const resources = await resourcesFor(V3_0);
    const roles = ofType(resources, "postgresql:index/role:Role").map((r) => revealSecrets(r.inputs) as Record<string, unknown>);
    expect(roles.map((r) => r.name).sort()).toEqual(["acme_production_app", "acme_production_consent", "acme_production_metrics"]);
    const consent = roles.find((r) => r.name === "acme_production_consent");
    expect(consent).toMatchObject({
      login: true,
      password: mockPassword("acme-production-module-consent-password"),
      createDatabase: false,
      createRole: false,
      superuser: false,
      replication: false,
      bypassRowLevelSecurity: false,
      inherit: false,
      // SMALL plan: 50 connections shared by the two modules.
      connectionLimit: 25,
    });
    expect(one(resources, "postgresql:index/grant:Grant", "acme-production-module-consent-connect").inputs).toMatchObject({
      database: "acme_production",
      role: "acme_production_consent",
      objectType: "database",
      privileges: ["CONNECT"],
    });
    expect(one(resources, "postgresql:index/schema:Schema", "acme-production-module-metrics-schema").inputs).toMatchObject({
      name: "metrics",
      database: "acme_production",
      owner: "acme_production_metrics",
      dropCascade: false,
    });
    expect(resources.some((r) => r.name.includes("module-status"))).toBe(false);

    const users = ofType(resources, "rabbitmq:index/user:User").map((r) => r.inputs.name);
    expect(users.sort()).toEqual(["acme-production-app", "acme-production-consent"]);
    expect(one(resources, "rabbitmq:index/user:User", "acme-production-rabbitmq-module-consent-user").inputs.tags).toEqual([]);
    expect(
      one(resources, "rabbitmq:index/permissions:Permissions", "acme-production-rabbitmq-module-consent-permissions").inputs,
    ).toMatchObject({
      user: "acme-production-consent",
      vhost: "acme-production",
      permissions: modulePermissions("consent"),
    });
  });

  it("limits a module's queue user to its own objects and the events exchange", () => {
    const p = modulePermissions("consent");
    const may = (pattern: string, name: string) => new RegExp(pattern).test(name);
    expect(may(p.configure, "consent.events")).toBe(true);
    expect(may(p.read, "consent.events")).toBe(true);
    expect(may(p.write, "opus.events")).toBe(true);
    expect(may(p.read, "opus.events")).toBe(true);
    for (const other of ["payment.events", "metrics.events", "opus.dead-letter", "consentx.events", "opus.dlx"]) {
      expect(may(p.configure, other), other).toBe(false);
      expect(may(p.read, other), other).toBe(false);
      expect(may(p.write, other), other).toBe(false);
    }
    expect(may(p.configure, "opus.events")).toBe(false); // cannot redeclare or delete the shared exchange
  });

  it("hands each module its own credentials through the Secret, named at its values key, none in the values", async () => {
    const resources = await resourcesFor(V3_0);
    const data = (revealSecrets(ofType(resources, "kubernetes:core/v1:Secret")[0]?.inputs) as { stringData: Record<string, string> })
      .stringData;
    const dbPassword = mockPassword("acme-production-module-consent-password");
    const mqPassword = mockPassword("acme-production-rabbitmq-module-consent-password");
    expect(data).toMatchObject({
      CONSENT_DATABASE_USER: "acme_production_consent",
      CONSENT_DATABASE_PASSWORD: dbPassword,
      CONSENT_DATABASE_URL: `postgresql://acme_production_consent:${dbPassword}@tenants.cluster-abc.sa-east-1.rds.amazonaws.com:5432/acme_production?sslmode=verify-full`,
      CONSENT_QUEUE_USER: "acme-production-consent",
      CONSENT_QUEUE_PASSWORD: mqPassword,
      CONSENT_QUEUE_URL: `amqps://acme-production-consent:${mqPassword}@mq.internal.opus.cloud:5671/acme-production`,
      METRICS_DATABASE_USER: "acme_production_metrics",
    });
    expect(Object.keys(data).filter((k) => k.startsWith("METRICS_QUEUE") || k.startsWith("STATUS_"))).toEqual([]);

    // biome-ignore lint/suspicious/noExplicitAny: values are checked key by key below
    const values = one(resources, "kubernetes:helm.sh/v3:Release", "acme-production-release").inputs.values as Record<string, any>;
    expect(values.consent).toEqual({
      database: {
        existingSecret: "opus-platform-credentials",
        secretKeys: { username: "CONSENT_DATABASE_USER", password: "CONSENT_DATABASE_PASSWORD", url: "CONSENT_DATABASE_URL" },
      },
      queue: {
        existingSecret: "opus-platform-credentials",
        secretKeys: { username: "CONSENT_QUEUE_USER", password: "CONSENT_QUEUE_PASSWORD", url: "CONSENT_QUEUE_URL" },
      },
    });
    expect(Object.keys(values.modules.metrics)).toEqual(["database"]);
    expect(values.status).toBeUndefined();
    const plain = JSON.stringify(resources.map((r) => withoutSecrets(r.inputs)));
    expect(plain).not.toContain(dbPassword);
    expect(plain).not.toContain(mqPassword);
  });

  it("an upgrade to a release that adds a module adds exactly that module's role, schema and queue user", async () => {
    const before = new Set((await resourcesFor(V3_0)).map((r) => `${r.type} ${r.name}`));
    const after = (await resourcesFor(V3_1)).map((r) => `${r.type} ${r.name}`);
    expect(after.filter((r) => !before.has(r)).sort()).toEqual(
      [
        "random:index/randomPassword:RandomPassword acme-production-module-payments-password",
        "postgresql:index/role:Role acme-production-module-payments-role",
        "postgresql:index/grant:Grant acme-production-module-payments-connect",
        "postgresql:index/schema:Schema acme-production-module-payments-schema",
        "random:index/randomPassword:RandomPassword acme-production-rabbitmq-module-payments-password",
        "rabbitmq:index/user:User acme-production-rabbitmq-module-payments-user",
        "rabbitmq:index/permissions:Permissions acme-production-rabbitmq-module-payments-permissions",
      ].sort(),
    );
    expect([...before].filter((r) => !after.includes(r))).toEqual([]);
  });

  it("refuses a module named like the shared role and a values key that would overwrite the platform's values", () => {
    const release = (modules: PlatformModule[]) => ({ ...tenantSpec(), release: { ...tenantSpec().release, modules } });
    const parsed = TenantEnvironmentSpecSchema.safeParse(
      release([{ name: "app", valuesKey: "app", needsDatabase: true, needsQueue: false }]),
    );
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toContain("the platform's shared role");
    expect(() =>
      buildPlatformValues(release([{ name: "consent", valuesKey: "database.consent", needsDatabase: true, needsQueue: false }])),
    ).toThrow('values key "database.consent" would overwrite the platform\'s own "database" values');
  });
});
