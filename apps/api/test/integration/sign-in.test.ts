import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { totpForRawSecret, totpForUri } from "../support/totp.ts";

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

describe("sign-in over HTTP", () => {
  it("serves health and readiness probes", async () => {
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${server.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("a customer admin signs in with a password and gets an httpOnly session cookie", async () => {
    const s = session();
    const res = await s.postJson("/api/auth/sign-in/email", { email: "ana@aurora.example", password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/session_token=.*HttpOnly/i);
    const me = await s.query("me.get");
    expect(me.status).toBe(200);
    expect(me.body.result?.data.json).toMatchObject({ email: "ana@aurora.example", staffRole: null, memberships: [{ role: "ADMIN" }] });
  });

  it("a wrong password is a 401 and no session", async () => {
    const s = session();
    const res = await s.postJson("/api/auth/sign-in/email", { email: "ana@aurora.example", password: "wrong-password" });
    expect(res.status).toBe(401);
    expect((await s.query("me.get")).status).toBe(401);
  });

  it("staff need the TOTP step before they have a session", async () => {
    const operator = DEMO_ACCOUNTS.find((a) => a.email === "operator@opus.example");
    const s = session();
    const res = await s.postJson("/api/auth/sign-in/email", { email: operator?.email, password: DEMO_PASSWORD });
    expect(await res.json()).toMatchObject({ twoFactorRedirect: true });
    expect((await s.query("me.get")).status).toBe(401);
    expect((await s.postJson("/api/auth/two-factor/verify-totp", { code: "000000" })).status).toBe(401);
    const verified = await s.postJson("/api/auth/two-factor/verify-totp", { code: totpForRawSecret(operator?.totpSecret ?? "") });
    expect(verified.status).toBe(200);
    const list = await s.query("institutions.find", {});
    expect(list.status).toBe(200);
    expect(list.body.result?.data.json).toMatchObject({ total: 3 });
  });

  it("staff without TOTP are refused privileged calls until they enrol", async () => {
    const created = await services.db.user.update({ where: { email: "billing@opus.example" }, data: { twoFactorEnabled: false } });
    await services.db.twoFactor.deleteMany({ where: { userId: created.id } });
    const s = session();
    await s.postJson("/api/auth/sign-in/email", { email: "billing@opus.example", password: DEMO_PASSWORD });
    const refused = await s.query("institutions.find", {});
    expect(refused.status).toBe(403);
    expect(refused.body.error?.json.data.appCode).toBe("TOTP_REQUIRED");

    const enable = await s.postJson("/api/auth/two-factor/enable", { password: DEMO_PASSWORD });
    const { totpURI } = (await enable.json()) as { totpURI: string };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\//);
    expect((await s.postJson("/api/auth/two-factor/verify-totp", { code: totpForUri(totpURI) })).status).toBe(200);
    expect((await s.query("institutions.find", {})).status).toBe(200);
  });
});
