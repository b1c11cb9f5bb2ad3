import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashApiKey } from "../../src/domain/api-keys/api-key-secret.ts";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { makeRelease } from "../support/release-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let sertao: string;
beforeAll(async () => {
  services = await createTestServices();
  sertao = await institutionIdOf(services, "fintech-sertao");
});
afterAll(() => services.cleanup());

describe("self-managed install bundle", () => {
  it("is offered once Opus approved the institution, carries a fresh usage key and rotates the old one", async () => {
    const admin = await callerFor(services, "sergio@sertao.example");
    const env = await services.db.environment.create({
      data: { institutionId: sertao, kind: "PRODUCTION", stackName: "fintech-sertao-production" },
    });
    await expect(admin.environments.installBundle({ institutionId: sertao, environmentId: env.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("approved"),
    });
    await services.db.institution.update({ where: { id: sertao }, data: { status: "ACTIVE" } });

    const first = await admin.environments.installBundle({ institutionId: sertao, environmentId: env.id });
    expect(first.stackName).toBe("fintech-sertao-production");
    expect(first.files.map((f) => f.path).sort()).toEqual([
      "README.md",
      "agent/report-agent-values.yaml",
      "helm/values.yaml",
      "pulumi/Pulumi.fintech-sertao-production.yaml",
      "usage-reporting-token",
    ]);
    // The installation reports through its report-only agent, to this control plane.
    const agent = first.files.find((f) => f.path === "agent/report-agent-values.yaml")?.content ?? "";
    expect(agent).toContain("mode: report-only");
    expect(agent).toContain(`url: ${services.publicUrl}`);
    // The platform reports to that agent, in its own namespace: never straight out of the cluster.
    const values = first.files.find((f) => f.path === "helm/values.yaml")?.content ?? "";
    expect(values).toContain("endpoint: http://opus-report-agent.fintech-sertao-production.svc:9470/api/v1/usage/events");
    expect(values).not.toContain(services.publicUrl);
    // AGENT_IMAGE is not set in this test's services: the bundle says to set it.
    expect(agent).not.toContain("image:");
    expect(first.files.find((f) => f.path === "README.md")?.content).toContain("with the agent image Opus gives you");
    const token = first.files.find((f) => f.path === "usage-reporting-token")?.content ?? "";
    expect(token).toMatch(/^opus_uk_[\w-]{43}$/);
    expect(first.keyPrefix).toBe(token.slice(0, 14));
    const stackConfig = first.files.find((f) => f.path.startsWith("pulumi/"))?.content ?? "";
    expect(stackConfig).toContain("opus-tenant:mode: SELF_MANAGED");
    expect(stackConfig).not.toContain(token);

    // Only the hash is stored; a second bundle revokes the first key.
    const keys = await services.db.apiKey.findMany({ where: { institutionId: sertao } });
    expect(keys).toHaveLength(1);
    expect(keys[0]?.keyHash).toBe(hashApiKey(token));
    expect(JSON.stringify(keys)).not.toContain(token);
    await admin.environments.installBundle({ institutionId: sertao, environmentId: env.id });
    const after = await services.db.apiKey.findMany({ where: { institutionId: sertao }, orderBy: { createdAt: "asc" } });
    expect(after.map((k) => k.revokedAt !== null)).toEqual([true, false]);
    const audit = await services.db.auditEvent.findMany({ where: { institutionId: sertao, action: "install_bundle.issued" } });
    expect(audit).toHaveLength(2);
  });

  it("carries the release's modules, so the customer's run gives each connecting module its own role and queue user", async () => {
    const admin = await callerFor(services, "sergio@sertao.example");
    await makeRelease(services.db, "AVAILABLE", "6.2.0");
    const env = await services.db.environment.create({
      data: { institutionId: sertao, kind: "HOMOLOGATION", stackName: "fintech-sertao-homologation", releaseVersion: "6.2.0" },
    });
    await services.db.institution.update({ where: { id: sertao }, data: { status: "ACTIVE" } });
    const bundle = await admin.environments.installBundle({ institutionId: sertao, environmentId: env.id });
    const values = bundle.files.find((f) => f.path === "helm/values.yaml")?.content ?? "";
    expect(values).toContain("CONSENT_DATABASE_URL");
    expect(values).toContain("CONSENT_QUEUE_URL");
    const stackConfig = bundle.files.find((f) => f.path.startsWith("pulumi/"))?.content ?? "";
    expect(stackConfig).toContain("needsDatabase: true");
    expect(stackConfig).toContain("name: consent");
  });

  it("runs the agent on the agent image when AGENT_IMAGE is configured", async () => {
    const configured = await createTestServices({ agentImage: "registry.opus.io/control-plane/agent:2026.12.1" });
    try {
      const id = await institutionIdOf(configured, "fintech-sertao");
      await configured.db.institution.update({ where: { id }, data: { status: "ACTIVE" } });
      const env = await configured.db.environment.create({
        data: { institutionId: id, kind: "HOMOLOGATION", stackName: "fintech-sertao-homologation" },
      });
      const admin = await callerFor(configured, "sergio@sertao.example");
      const bundle = await admin.environments.installBundle({ institutionId: id, environmentId: env.id });
      const agent = bundle.files.find((f) => f.path === "agent/report-agent-values.yaml")?.content ?? "";
      expect(agent).toContain("image:\n  repository: registry.opus.io/control-plane/agent\n  tag: 2026.12.1\n");
      expect(bundle.files.find((f) => f.path === "README.md")?.content).not.toContain("with the agent image Opus gives you");
    } finally {
      await configured.cleanup();
    }
  });

  it("is refused for institutions Opus runs", async () => {
    const aurora = await institutionIdOf(services, "banco-aurora");
    const env = await services.db.environment.findFirstOrThrow({ where: { institutionId: aurora } });
    await expect(
      (await callerFor(services, "ana@aurora.example")).environments.installBundle({ institutionId: aurora, environmentId: env.id }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await services.db.apiKey.count({ where: { institutionId: aurora } })).toBe(0);
  });
});
