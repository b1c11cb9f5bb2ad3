// The release registry: Opus admins register, publish, deprecate and withdraw; every move is a
// compare-and-set, audited once; bad declarations are refused with a reason and change nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../support/callers.ts";
import { concurrently, expectOneWinner } from "../support/concurrently.ts";
import { freshVersion, releaseInput } from "../support/release-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const admin = () => callerFor(services, "admin@opus.example");
const auditCount = (targetId: string) => services.db.auditEvent.count({ where: { targetId } });

describe("release registry", () => {
  it("registers a draft, publishes it, deprecates and withdraws it, one audit event each", async () => {
    const api = await admin();
    const version = freshVersion();
    const draft = await api.releases.create(releaseInput(version));
    expect(draft).toMatchObject({ version, status: "DRAFT", publishedAt: null });
    const published = await api.releases.publish({ releaseId: draft.id });
    expect(published.status).toBe("AVAILABLE");
    expect(published.publishedById).not.toBeNull();
    expect((await api.releases.deprecate({ releaseId: draft.id })).status).toBe("DEPRECATED");
    const withdrawn = await api.releases.withdraw({ releaseId: draft.id, reason: "consent module leaks sessions" });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", withdrawReason: "consent module leaks sessions" });
    const actions = await services.db.auditEvent.findMany({ where: { targetId: draft.id }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["release.created", "release.published", "release.deprecated", "release.withdrawn"]);
  });

  it("lists in semantic order (3.10.0 before 3.9.0)", async () => {
    const api = await admin();
    await api.releases.create(releaseInput("3.9.0"));
    await api.releases.create(releaseInput("3.10.0"));
    const versions = (await api.releases.find()).map((r) => r.version);
    expect(versions.indexOf("3.10.0")).toBeLessThan(versions.indexOf("3.9.0"));
  });

  it("of 30 concurrent publishes exactly one wins; the rest are CONFLICT; one event", async () => {
    const api = await admin();
    const draft = await api.releases.create(releaseInput(freshVersion()));
    const outcomes = await concurrently(30, () => api.releases.publish({ releaseId: draft.id }));
    expectOneWinner(outcomes, 30);
    expect(await services.db.auditEvent.count({ where: { targetId: draft.id, action: "release.published" } })).toBe(1);
  });

  it("refuses moves the status does not allow, and writes nothing", async () => {
    const api = await admin();
    const draft = await api.releases.create(releaseInput(freshVersion()));
    await expect(api.releases.withdraw({ releaseId: draft.id, reason: "never mind" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("it is draft"),
    });
    await expect(api.releases.deprecate({ releaseId: draft.id })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await auditCount(draft.id)).toBe(1);
    await api.releases.publish({ releaseId: draft.id });
    await expect(api.releases.publish({ releaseId: draft.id })).rejects.toMatchObject({ message: expect.stringContaining("available") });
  });

  it("refuses bad declarations with the field and a reason", async () => {
    const api = await admin();
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ version: "v3.1" }, /semantic version/],
      [{ kubernetesMin: "1.31", kubernetesMax: "1.27" }, /newer than the newest/],
      [{ kubernetesMax: "latest" }, /Kubernetes version/],
      [{ minUpgradableFrom: "99.0.0" }, /older versions/],
      [{ modules: [] }, /at least one module/],
      [{ modules: [releaseInput("1.0.0").modules[0], releaseInput("1.0.0").modules[0]] }, /once/],
    ];
    for (const [change, message] of cases) {
      const version = freshVersion();
      await expect(api.releases.create({ ...releaseInput(version), ...change } as never)).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(message),
      });
    }
    const duplicate = freshVersion();
    await api.releases.create(releaseInput(duplicate));
    await expect(api.releases.create(releaseInput(duplicate))).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already exists"),
    });
  });

  it("only Opus admins manage releases; other staff may read; members may not", async () => {
    const operator = await callerFor(services, "operator@opus.example");
    await expect(operator.releases.create(releaseInput(freshVersion()))).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(operator.releases.find()).resolves.toBeInstanceOf(Array);
    const member = await callerFor(services, "ana@aurora.example");
    await expect(member.releases.find()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("a published release and self-managed installations", () => {
  it("notifies each self-managed institution that should take it, once, naming its environments; pinned ones and other channels are left alone", async () => {
    const sertao = await services.db.institution.update({ where: { slug: "fintech-sertao" }, data: { status: "ACTIVE" } });
    await services.db.environment.createMany({
      data: [
        { institutionId: sertao.id, kind: "HOMOLOGATION", stackName: "sertao-hom", releaseVersion: "3.4.0", updateChannel: "REGULAR" },
        { institutionId: sertao.id, kind: "PRODUCTION", stackName: "sertao-prod", releaseVersion: "3.4.0", pinnedReleaseVersion: "3.4.0" },
      ],
    });
    const api = await admin();
    const version = freshVersion(20);
    const draft = await api.releases.create(releaseInput(version));
    await api.releases.publish({ releaseId: draft.id });
    const sent = await services.db.notification.findMany({ where: { kind: "release.published" } });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      institutionId: sertao.id,
      subject: `Opus Open Finance ${version} is available on the regular channel`,
      emailedTo: ["sergio@sertao.example"],
      emailError: null,
    });
    expect(sent[0]?.body).toContain("- homologation: runs 3.4.0");
    expect(sent[0]?.body).not.toContain("production");
    // Another channel: nobody there follows it.
    const fast = await api.releases.create(releaseInput(freshVersion(21), { channel: "FAST" }));
    await api.releases.publish({ releaseId: fast.id });
    expect(await services.db.notification.count({ where: { kind: "release.published" } })).toBe(1);
    // The customer reads it in the console.
    const sergio = await callerFor(services, "sergio@sertao.example");
    const listed = await sergio.health.notifications({ institutionId: sertao.id });
    expect(listed.map((n) => n.kind)).toEqual(["release.published"]);
  });
});
