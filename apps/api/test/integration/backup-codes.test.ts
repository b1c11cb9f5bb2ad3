// TOTP backup codes (better-auth's two-factor plugin) over HTTP: shown once at enrolment, each
// signs in once, regenerating invalidates the old set, and each success is one audit event.
import { DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { totpForUri } from "../support/totp.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
const session = () => new HttpSession(server.base, services.publicUrl);
const EMAIL = "ana@aurora.example";

beforeAll(async () => {
  services = await createTestServices();
  server = await startTestServer(services);
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

async function enrol(): Promise<string[]> {
  // Each test enrols afresh: an enrolled account's sign-in would ask for its code first.
  const user = await services.db.user.update({ where: { email: EMAIL }, data: { twoFactorEnabled: false } });
  await services.db.twoFactor.deleteMany({ where: { userId: user.id } });
  const s = session();
  expect((await s.postJson("/api/auth/sign-in/email", { email: EMAIL, password: DEMO_PASSWORD })).status).toBe(200);
  const enable = await s.postJson("/api/auth/two-factor/enable", { password: DEMO_PASSWORD });
  expect(enable.status).toBe(200);
  const { totpURI, backupCodes } = (await enable.json()) as { totpURI: string; backupCodes: string[] };
  expect((await s.postJson("/api/auth/two-factor/verify-totp", { code: totpForUri(totpURI) })).status).toBe(200);
  return backupCodes;
}

/** A fresh browser: password, then a backup code instead of the authenticator's code. */
async function signInWithBackupCode(code: string) {
  const s = session();
  const res = await s.postJson("/api/auth/sign-in/email", { email: EMAIL, password: DEMO_PASSWORD });
  expect(await res.json()).toMatchObject({ twoFactorRedirect: true });
  const verified = await s.postJson("/api/auth/two-factor/verify-backup-code", { code });
  return { status: verified.status, me: verified.status === 200 ? await s.query("me.get") : null, session: s };
}

const events = async (action: string) => {
  const user = await services.db.user.findUniqueOrThrow({ where: { email: EMAIL } });
  return services.db.auditEvent.count({ where: { action, actorId: user.id, targetId: user.id } });
};

describe("backup codes", () => {
  it("are issued at enrolment, each signs in once, and the same code fails the second time", async () => {
    const codes = await enrol();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    // Stored encrypted, never as the codes themselves.
    const stored = await services.db.twoFactor.findFirstOrThrow({ where: { user: { email: EMAIL } } });
    for (const code of codes) expect(stored.backupCodes).not.toContain(code);

    const [first = "", second = ""] = codes;
    const used = await signInWithBackupCode(first);
    expect(used.status).toBe(200);
    expect(used.me?.body.result?.data.json).toMatchObject({ email: EMAIL, twoFactorEnabled: true });
    expect((await signInWithBackupCode(first)).status).toBe(401);
    expect((await signInWithBackupCode("not-a-code")).status).toBe(401);
    expect((await signInWithBackupCode(second)).status).toBe(200);

    expect(await events("auth.two_factor_enabled")).toBe(1);
    expect(await events("auth.backup_code_used")).toBe(2);
  });

  it("one code used by many sign-ins at once signs in exactly one of them", async () => {
    const codes = await enrol();
    const code = codes[0] ?? "";
    const before = await events("auth.backup_code_used");
    const attempts = await Promise.all(Array.from({ length: 10 }, () => signInWithBackupCode(code)));
    expect(attempts.filter((a) => a.status === 200)).toHaveLength(1);
    expect(await events("auth.backup_code_used")).toBe(before + 1);
  });

  it("regenerating needs the password and invalidates the whole old set", async () => {
    const old = await enrol();
    const { session: s } = await signInWithBackupCode(old[0] ?? "");
    expect((await s.postJson("/api/auth/two-factor/generate-backup-codes", { password: "wrong-password" })).status).toBe(400);
    const regenerated = await s.postJson("/api/auth/two-factor/generate-backup-codes", { password: DEMO_PASSWORD });
    expect(regenerated.status).toBe(200);
    const { backupCodes: fresh } = (await regenerated.json()) as { backupCodes: string[] };
    expect(fresh).toHaveLength(10);
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);

    expect((await signInWithBackupCode(old[1] ?? "")).status).toBe(401);
    expect((await signInWithBackupCode(fresh[0] ?? "")).status).toBe(200);
    expect(await events("auth.backup_codes_regenerated")).toBe(1);
  });
});
