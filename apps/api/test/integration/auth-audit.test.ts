// Sign-in, failed sign-in, two-factor and API-key use are in the audit trail (and the chain), with
// where they came from; and an institution's deletion keeps its trail, linked and verifiable.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/domain/audit/verify-audit-chain.ts";
import { concurrently } from "../support/concurrently.ts";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { makeTenant } from "../support/tenant-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { totpForRawSecret } from "../support/totp.ts";
import { apiCall, createKey, postEvents } from "../usage/usage-support.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
const session = () => new HttpSession(server.base, services.publicUrl);

beforeAll(async () => {
  services = await createTestServices();
  server = await startTestServer(services);
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

/** The events written since `after` (a chain position), oldest first. */
async function eventsSince(after: bigint) {
  return services.db.auditEvent.findMany({ where: { seq: { gt: after } }, orderBy: { seq: "asc" } });
}
const headSeq = async () => (await services.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } })).seq;

describe("sign-in is audited", () => {
  it("a sign-in, with who and from where", async () => {
    const before = await headSeq();
    const user = await services.db.user.findUniqueOrThrow({ where: { email: "ana@aurora.example" } });
    const res = await session().postJson("/api/auth/sign-in/email", { email: "ana@aurora.example", password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const [event, ...more] = await eventsSince(before);
    expect(more).toEqual([]);
    expect(event).toMatchObject({ action: "auth.signed_in", actorId: user.id, actorEmail: "ana@aurora.example", targetId: user.id });
    expect(event?.ip).toMatch(/127\.0\.0\.1/);
    expect(event?.requestId).toBeTruthy();
  });

  it("a failed sign-in, with the address typed and never the password", async () => {
    const before = await headSeq();
    const res = await session().postJson("/api/auth/sign-in/email", { email: "ana@aurora.example", password: "wrong-password-123" });
    expect(res.status).toBe(401);
    const events = await eventsSince(before);
    expect(events.map((e) => e.action)).toEqual(["auth.sign_in_failed"]);
    expect(events[0]).toMatchObject({ actorId: null, data: { email: "ana@aurora.example" } });
    expect(JSON.stringify(events[0]?.data)).not.toContain("wrong-password");
  });

  it("the two-factor steps: required, failed, passed", async () => {
    const operator = DEMO_ACCOUNTS.find((a) => a.email === "operator@opus.example");
    const s = session();
    const before = await headSeq();
    await s.postJson("/api/auth/sign-in/email", { email: operator?.email, password: DEMO_PASSWORD });
    expect((await s.postJson("/api/auth/two-factor/verify-totp", { code: "000000" })).status).toBe(401);
    expect((await s.postJson("/api/auth/two-factor/verify-totp", { code: totpForRawSecret(operator?.totpSecret ?? "") })).status).toBe(200);
    const events = await eventsSince(before);
    expect(events.map((e) => e.action)).toEqual(["auth.two_factor_required", "auth.two_factor_failed", "auth.two_factor_passed"]);
    expect(events[2]).toMatchObject({ actorEmail: "operator@opus.example" });
  });

  it("session reads are not events", async () => {
    const s = session();
    await s.postJson("/api/auth/sign-in/email", { email: "ana@aurora.example", password: DEMO_PASSWORD });
    const before = await headSeq();
    await s.request("/api/auth/get-session");
    await s.query("me.get");
    expect(await eventsSince(before)).toEqual([]);
  });
});

describe("API-key use is audited", () => {
  it("once a minute per key, however many concurrent requests use it", async () => {
    const key = await createKey(services, "ana@aurora.example", "banco-aurora");
    const before = await headSeq();
    const statuses = await concurrently(20, (i) =>
      postEvents(server.base, key.key, { events: [apiCall(`audited-use-${i}`)] }).then((r) => r.status),
    );
    expect(statuses.ok).toEqual(Array(20).fill(200));
    const events = await eventsSince(before);
    expect(events.map((e) => e.action)).toEqual(["api_key.used"]);
    expect(events[0]).toMatchObject({ institutionId: key.institutionId, targetId: key.id, data: { prefix: key.prefix } });

    services.clock.set(new Date(Date.now() + 61_000));
    try {
      await postEvents(server.base, key.key, { events: [apiCall("audited-use-later")] });
    } finally {
      services.clock.set(null);
    }
    expect((await eventsSince(before)).map((e) => e.action)).toEqual(["api_key.used", "api_key.used"]);
  });
});

describe("an institution's deletion keeps its trail", () => {
  it("its events stay, still naming it, and the chain still verifies", async () => {
    const tenant = await makeTenant(services.db, "active");
    await createKey(services, "admin@opus.example", tenant.slug);
    const trail = await services.db.auditEvent.findMany({ where: { institutionId: tenant.id } });
    expect(trail.length).toBeGreaterThan(0);
    await services.db.institution.delete({ where: { id: tenant.id } });
    expect(await services.db.auditEvent.findMany({ where: { institutionId: tenant.id } })).toEqual(trail);
    expect(await verifyAuditChain(services.db, services.auditSigner.trustedPublicKeys)).toMatchObject({ ok: true, firstBreak: null });
  });
});
