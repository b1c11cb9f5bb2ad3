// Spec building per deployment mode: SaaS takes the region's shared cluster and services from
// configuration; managed decrypts the customer's credentials (here, and only here); self-managed
// is never provisioned.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { TenantEnvironmentSpecSchema } from "@opus/provisioner/spec";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { NotRetryableError } from "../../src/provisioning/not-retryable.ts";
import { buildTenantSpec } from "../../src/provisioning/spec-builder.ts";
import { MODULES, makeRelease } from "../support/release-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createTenant, DB_PASSWORD, enqueue, QUEUE_PASSWORD, TEST_CONFIG } from "./support/fixtures.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const deps = () => ({ db: services.db, cipher: services.opener, config: TEST_CONFIG });

const CUSTOMER = {
  kubeconfig: "apiVersion: v1\nkind: Config\nusers: [{name: opus, user: {token: customer-cluster-token-55}}]\n",
  gateway: { domain: "openfinance.horizonte.example", namespace: "kong" },
  database: {
    host: "horizonte-db.rds.example",
    port: 5432,
    adminUser: "opus_admin",
    adminPassword: "customer-db-pass-88",
    sslMode: "verify-full",
    cidr: "10.20.0.0/16",
  },
  queue: {
    kind: "rabbitmq",
    endpoint: "https://mq.horizonte.example:15671",
    adminUser: "opus",
    adminPassword: "customer-mq-pass-99",
    host: "mq.horizonte.example",
    port: 5671,
    cidr: "10.30.0.0/16",
  },
};

describe("SaaS", () => {
  it("targets the region's shared cluster and services, with the plan's size and the environment's release", async () => {
    const env = await services.db.environment.findUniqueOrThrow({
      where: { stackName: "banco-aurora-production" },
      include: { institution: true },
    });
    const { spec, secrets } = await buildTenantSpec(deps(), env.id);
    expect(TenantEnvironmentSpecSchema.parse(spec)).toEqual(spec);
    expect(spec).toMatchObject({
      mode: "SAAS",
      tenant: { id: env.institutionId, slug: "banco-aurora", legalName: "Banco Aurora S.A." },
      environment: { id: env.id, kind: "PRODUCTION" },
      planSize: "MEDIUM",
      release: { version: "3.4.0", chart: "opus-platform", repository: "oci://registry.test/charts" },
      target: { cluster: "saas-sa-east-1", gatewayNamespace: "opus-gateway" },
      database: { host: "127.0.0.1", port: 5432, adminPassword: DB_PASSWORD },
      queue: { host: "127.0.0.1", port: 5672, adminUser: "guest", adminPassword: QUEUE_PASSWORD },
    });
    expect(spec.target.kubeconfig).toBeUndefined();
    expect(secrets).toEqual([DB_PASSWORD, QUEUE_PASSWORD]);
  });

  it("carries the region's network ranges into the spec (and none when the region leaves the defaults)", async () => {
    const env = await services.db.environment.findUniqueOrThrow({ where: { stackName: "banco-aurora-production" } });
    const network = { openFinanceCidrs: ["200.160.0.0/20"], monitoringNamespace: "observability" };
    const region = TEST_CONFIG.saasRegions["sa-east-1"];
    if (!region) throw new Error("the test configuration has no sa-east-1");
    const config = { ...TEST_CONFIG, saasRegions: { "sa-east-1": { ...region, network } } };
    const { spec } = await buildTenantSpec({ ...deps(), config }, env.id);
    expect(spec.network).toEqual(network);
    expect((await buildTenantSpec(deps(), env.id)).spec.network).toBeUndefined();
  });

  it("carries the release's modules, from the registry, so the program gives each connecting module its access", async () => {
    const env = await services.db.environment.findUniqueOrThrow({ where: { stackName: "banco-aurora-homologation" } });
    const release = await makeRelease(services.db, "AVAILABLE", "7.1.0");
    const expected = MODULES.map(({ image: _image, ...m }) => m);
    const { spec } = await buildTenantSpec(deps(), env.id, release.version);
    expect(TenantEnvironmentSpecSchema.parse(spec)).toEqual(spec);
    expect(spec.release).toEqual({
      version: "7.1.0",
      chart: "opus-platform",
      repository: "oci://registry.opus.example/charts",
      modules: expected,
    });
    // A redeploy of what runs keeps its registered modules (and so their roles and users).
    await services.db.environment.update({ where: { id: env.id }, data: { releaseVersion: "7.1.0" } });
    expect((await buildTenantSpec(deps(), env.id)).spec.release.modules).toEqual(expected);
  });

  it("refuses a region that is not configured, naming the configured ones", async () => {
    const tenant = await createTenant(services.db);
    await services.db.institution.update({ where: { id: tenant.id }, data: { region: "brazilsouth" } });
    const error = await buildTenantSpec(deps(), tenant.env.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotRetryableError);
    expect((error as Error).message).toContain('SaaS region "brazilsouth" is not configured (SAAS_REGIONS has: sa-east-1)');
  });
});

describe("managed", () => {
  it("decrypts the customer's credentials with the cipher and targets their cluster", async () => {
    const tenant = await createTenant(services.db, { mode: "MANAGED" });
    await services.db.managedAccount.create({
      data: {
        institutionId: tenant.id,
        cloudProvider: "AWS",
        accountRef: "210987654321",
        region: "sa-east-1",
        clusterName: "horizonte-eks",
        clusterEndpoint: "https://eks.example",
        credentialsCiphertext: services.cipher.encrypt(JSON.stringify(CUSTOMER)),
      },
    });
    const decrypt = vi.spyOn(services.opener, "decrypt");
    const { spec, secrets } = await buildTenantSpec(deps(), tenant.env.id);
    expect(decrypt).toHaveBeenCalledTimes(1);
    decrypt.mockRestore();
    expect(spec).toMatchObject({
      mode: "MANAGED",
      target: {
        cluster: "horizonte-eks",
        kubeconfig: CUSTOMER.kubeconfig,
        gatewayDomain: CUSTOMER.gateway.domain,
        gatewayNamespace: "kong",
      },
      database: CUSTOMER.database,
      queue: CUSTOMER.queue,
    });
    expect(secrets).toEqual([CUSTOMER.kubeconfig, "customer-db-pass-88", "customer-mq-pass-99"]);
  });

  it("refuses credentials holding only a kubeconfig, saying what is missing without echoing it", async () => {
    const env = await services.db.environment.findUniqueOrThrow({ where: { stackName: "coop-horizonte-production" } });
    // A record from before the wizard collected the whole document: a bare kubeconfig.
    await services.db.managedAccount.updateMany({
      where: { institutionId: env.institutionId },
      data: { credentialsCiphertext: services.cipher.encrypt("apiVersion: v1\nkind: Config\n# demo kubeconfig\n") },
    });
    const error = await buildTenantSpec(deps(), env.id).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotRetryableError);
    expect((error as Error).message).toMatch(/coop-horizonte.*incomplete or invalid \(gateway, database, queue\)/);
    expect((error as Error).message).not.toContain("demo kubeconfig");
  });

  it("credentials are opened only by the worker runtime: building a spec and rotating keys", async () => {
    const src = path.resolve(import.meta.dirname, "../../src");
    const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith(".ts"));
    const users: string[] = [];
    for (const file of files) if ((await readFile(path.join(src, file), "utf8")).includes(".decrypt(")) users.push(file);
    expect(users.sort()).toEqual([path.join("provisioning", "rotate-credentials.ts"), path.join("provisioning", "spec-builder.ts")]);
  });
});

describe("self-managed", () => {
  it("is never provisioned: enqueueing is refused with a clear error, and so is building a spec", async () => {
    const tenant = await createTenant(services.db, { mode: "SELF_MANAGED" });
    const env = tenant.env;
    await expect(enqueue(services, env.id, "UP")).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("self-managed"),
    });
    await expect(buildTenantSpec(deps(), env.id)).rejects.toThrow(/self-managed; the customer runs the platform/);
    expect(await services.db.operation.count({ where: { environmentId: env.id } })).toBe(0);
  });
});
