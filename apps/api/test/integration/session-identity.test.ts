// What identity costs a signed-in request, and that cheap identity is still exact: one statement
// reads the session with its user and memberships; signing out, expiry and a forged cookie take
// effect on the very next request; better-auth's sliding refresh still happens once per updateAge.
// This is the cold path, what every mutation costs (and every query with SESSION_READ_CACHE_MS=0):
// the session read cache is off here; session-read-cache.test.ts covers a warm session.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type HttpSession, startTestServer } from "../support/http-client.ts";
import { identityStatements, signedInSession } from "../support/session-statements.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
let statements: string[] = [];
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  services = await createTestServices({ onQuery: (sql) => statements.push(sql), sessionReadCacheMs: 0 });
  server = await startTestServer(services);
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});
beforeEach(() => {
  statements = [];
});

const signedIn = (email: string) => signedInSession(server.base, services.publicUrl, email);

const identityStatementsSent = () => identityStatements(statements);

function rawCookie(s: HttpSession): string {
  return (s as unknown as { cookies: Map<string, string> }).cookies.get("better-auth.session_token") ?? "";
}

describe("identity of a signed-in request", () => {
  it("costs one statement, and the actor is not loaded again by me.get", async () => {
    const ana = await signedIn("ana@aurora.example");
    statements = [];
    const me = await ana.query("me.get");
    expect(me.status).toBe(200);
    expect(me.body.result?.data.json).toMatchObject({
      email: "ana@aurora.example",
      memberships: [{ role: "ADMIN", institution: { slug: "banco-aurora" } }],
    });
    expect(identityStatementsSent()).toHaveLength(1);
    // The identity statement plus the institutions of Ana's memberships; nothing else.
    expect(statements).toHaveLength(2);
  });

  it("the institutions list is identity and one list statement (page with its count), no transaction", async () => {
    const operator = await signedIn("operator@opus.example");
    statements = [];
    const list = await operator.query("institutions.find", {});
    expect(list.status).toBe(200);
    expect(identityStatementsSent()).toHaveLength(1);
    expect(statements).toHaveLength(2);
    expect(statements.filter((sql) => /^\s*(BEGIN|COMMIT)/i.test(sql))).toEqual([]);
  });

  it("signing out revokes the session at once, even for a copy of the cookie", async () => {
    const ana = await signedIn("ana@aurora.example");
    const copy = rawCookie(ana);
    expect((await ana.postJson("/api/auth/sign-out", {})).status).toBe(200);
    const replay = await fetch(`${server.base}/api/trpc/me.get`, { headers: { cookie: `better-auth.session_token=${copy}` } });
    expect(replay.status).toBe(401);
  });

  it("a cookie with a forged signature or an expired session is nobody", async () => {
    const ana = await signedIn("ana@aurora.example");
    const cookie = decodeURIComponent(rawCookie(ana));
    const token = cookie.slice(0, cookie.lastIndexOf("."));
    const forged = `${token}.${Buffer.alloc(32, 1).toString("base64")}`;
    const res = await fetch(`${server.base}/api/trpc/me.get`, {
      headers: { cookie: `better-auth.session_token=${encodeURIComponent(forged)}` },
    });
    expect(res.status).toBe(401);

    await services.db.session.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    statements = [];
    expect((await ana.query("me.get")).status).toBe(401);
    // Known to be over from the one identity statement, without asking better-auth again.
    expect(statements).toHaveLength(1);
  });

  it("a session last extended more than updateAge ago is refreshed by better-auth, as before", async () => {
    const ana = await signedIn("ana@aurora.example");
    const cookie = decodeURIComponent(rawCookie(ana));
    const token = cookie.slice(0, cookie.lastIndexOf("."));
    // 12-hour sessions, refreshed once an hour: pretend the last extension was two hours ago.
    const stale = new Date(Date.now() + 10 * HOUR);
    await services.db.session.update({ where: { token }, data: { expiresAt: stale } });
    const res = await ana.request("/api/trpc/me.get");
    expect(res.status).toBe(200);
    expect(res.headers.getSetCookie().join("\n")).toMatch(/better-auth\.session_token=/);
    const session = await services.db.session.findUniqueOrThrow({ where: { token } });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11.5 * HOUR);
    // Refreshed: the next request is back to one identity statement and sets no cookie.
    statements = [];
    const next = await ana.request("/api/trpc/me.get");
    expect(next.headers.getSetCookie()).toEqual([]);
    expect(identityStatementsSent()).toHaveLength(1);
  });

  it("a due session is not refreshed by the console server's own render, which could not pass the cookie on", async () => {
    const ana = await signedIn("ana@aurora.example");
    const cookie = decodeURIComponent(rawCookie(ana));
    const token = cookie.slice(0, cookie.lastIndexOf("."));
    const stale = new Date(Date.now() + 10 * HOUR);
    await services.db.session.update({ where: { token }, data: { expiresAt: stale } });
    const rendered = await ana.request("/api/trpc/me.get", { headers: { "x-opus-server-render": "1" } });
    expect(rendered.status).toBe(200);
    expect(rendered.headers.getSetCookie()).toEqual([]);
    expect((await services.db.session.findUniqueOrThrow({ where: { token } })).expiresAt).toEqual(stale);
    // The browser's next request refreshes it and gets the new cookie.
    const next = await ana.request("/api/trpc/me.get");
    expect(next.headers.getSetCookie().join("\n")).toMatch(/better-auth\.session_token=/);
  });
});
