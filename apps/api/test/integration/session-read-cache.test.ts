// The session read cache over real HTTP (issue 8): a warm session costs a query no identity
// statement; mutations always load the session afresh; a write served by this replica (sign-out, a
// removed membership) takes effect on the very next query; a change made elsewhere (another replica,
// simulated by writing the database directly) is read from memory for at most the TTL, then refused;
// SESSION_READ_CACHE_MS=0 turns it off. The cache's clock is the test's, so expiry is exact.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SessionReadCache } from "../../src/auth/session-read-cache.ts";
import { startTestServer } from "../support/http-client.ts";
import { identityStatements, sessionTokenOf, signedInSession } from "../support/session-statements.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

const TTL_MS = 2000;
let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
let statements: string[] = [];
let cacheNow = 0;

beforeAll(async () => {
  services = await createTestServices({ onQuery: (sql) => statements.push(sql) });
  services.sessionCache = new SessionReadCache(TTL_MS, 10_000, () => cacheNow);
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

async function institutionId(slug: string) {
  return (await services.db.institution.findUniqueOrThrow({ where: { slug } })).id;
}

describe("a warm session", () => {
  it("costs a query no identity statement: the list is its one statement", async () => {
    const operator = await signedIn("operator@opus.example");
    statements = [];
    const list = await operator.query("institutions.find", {});
    expect(list.status).toBe(200);
    expect(identityStatementsSent()).toEqual([]);
    expect(statements).toHaveLength(1);
  });

  it("is loaded afresh by every mutation", async () => {
    const ana = await signedIn("ana@aurora.example");
    statements = [];
    expect((await ana.mutate("me.setLocale", { locale: "en" })).status).toBe(200);
    expect(identityStatementsSent().length).toBeGreaterThanOrEqual(1);
  });

  it("is each token's own: two users read from memory never see each other", async () => {
    const ana = await signedIn("ana@aurora.example");
    const victor = await signedIn("victor@aurora.example");
    // Victor's sign-in was a write, which emptied the cache: one query each remembers both.
    await Promise.all([ana.query("me.get"), victor.query("me.get")]);
    statements = [];
    const [a, v] = await Promise.all([ana.query("me.get"), victor.query("me.get")]);
    expect(identityStatementsSent()).toEqual([]);
    expect(a.body.result?.data.json).toMatchObject({ email: "ana@aurora.example" });
    expect(v.body.result?.data.json).toMatchObject({ email: "victor@aurora.example" });
  });
});

describe("revocation", () => {
  it("a sign-out served here refuses a copy of the cookie on the very next query", async () => {
    const ana = await signedIn("ana@aurora.example");
    const copy = ana.cookieHeader();
    expect((await fetch(`${server.base}/api/trpc/me.get`, { headers: { cookie: copy } })).status).toBe(200);
    expect((await ana.postJson("/api/auth/sign-out", {})).status).toBe(200);
    expect((await fetch(`${server.base}/api/trpc/me.get`, { headers: { cookie: copy } })).status).toBe(401);
  });

  it("a membership removed here takes effect on the removed member's next query", async () => {
    const aurora = await institutionId("banco-aurora");
    const ana = await signedIn("ana@aurora.example");
    const victor = await signedIn("victor@aurora.example");
    expect((await victor.query("members.find", { institutionId: aurora })).status).toBe(200);
    const membership = await services.db.membership.findFirstOrThrow({
      where: { institutionId: aurora, user: { email: "victor@aurora.example" } },
    });
    expect((await ana.mutate("members.remove", { institutionId: aurora, membershipId: membership.id })).status).toBe(200);
    expect((await victor.query("members.find", { institutionId: aurora })).status).toBe(403);
  });

  it("a sign-out elsewhere is read from memory for less than the TTL, then refused", async () => {
    const operator = await signedIn("operator@opus.example");
    cacheNow = 10_000;
    expect((await operator.query("me.get")).status).toBe(200); // cached at 10 000
    // Another replica signs the session out: this one served no write and still remembers it.
    await services.db.session.delete({ where: { token: sessionTokenOf(operator) } });
    cacheNow = 10_000 + TTL_MS - 1;
    expect((await operator.query("me.get")).status).toBe(200);
    cacheNow = 10_000 + TTL_MS;
    expect((await operator.query("me.get")).status).toBe(401);
  });

  it("a mutation never acts on a remembered session", async () => {
    const ana = await signedIn("ana@aurora.example");
    expect((await ana.query("me.get")).status).toBe(200);
    await services.db.session.delete({ where: { token: sessionTokenOf(ana) } });
    expect((await ana.mutate("me.setLocale", { locale: "pt-BR" })).status).toBe(401);
  });

  it("a remembered session due for better-auth's refresh is refreshed once, then remembered with its new expiry", async () => {
    const ana = await signedIn("ana@aurora.example");
    const token = sessionTokenOf(ana);
    // 12-hour sessions refreshed once an hour: pretend the last extension was two hours ago.
    await services.db.session.update({ where: { token }, data: { expiresAt: new Date(Date.now() + 10 * 60 * 60 * 1000) } });
    services.sessionCache.clear();
    // The console server's render remembers it without refreshing (its Set-Cookie could not reach the browser).
    expect((await ana.request("/api/trpc/me.get", { headers: { "x-opus-server-render": "1" } })).status).toBe(200);
    const refreshed = await ana.request("/api/trpc/me.get");
    expect(refreshed.headers.getSetCookie().join("\n")).toMatch(/better-auth\.session_token=/);
    statements = [];
    const next = await ana.request("/api/trpc/me.get");
    expect(next.headers.getSetCookie()).toEqual([]);
    const again = await ana.request("/api/trpc/me.get");
    expect(again.headers.getSetCookie()).toEqual([]);
    // Read once more after the refresh (the new expiry), then from memory.
    expect(identityStatementsSent()).toHaveLength(1);
  });

  it("a session past its own expiry is nobody, even within the TTL", async () => {
    const ana = await signedIn("ana@aurora.example");
    const token = sessionTokenOf(ana);
    const expiresAt = new Date(Date.now() + 400);
    await services.db.session.update({ where: { token }, data: { expiresAt } });
    services.sessionCache.clear();
    // As the console server renders: a session this close to its end is due for better-auth's
    // refresh, which a browser's request would get (and with it a new expiry).
    const rendered = { headers: { "x-opus-server-render": "1" } };
    expect((await ana.request("/api/trpc/me.get", rendered)).status).toBe(200); // remembered, 0.4 s left
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));
    statements = [];
    expect((await ana.request("/api/trpc/me.get", rendered)).status).toBe(401);
    expect(identityStatementsSent()).toHaveLength(1); // asked the database again, which said no
  });
});

describe("SESSION_READ_CACHE_MS=0", () => {
  it("turns it off: every query reads the session", async () => {
    const off = await createTestServices({ onQuery: (sql) => statements.push(sql), sessionReadCacheMs: 0 });
    const offServer = await startTestServer(off);
    try {
      const s = await signedInSession(offServer.base, off.publicUrl, "ana@aurora.example");
      statements = [];
      for (let i = 0; i < 3; i++) expect((await s.query("me.get")).status).toBe(200);
      expect(identityStatementsSent()).toHaveLength(3);
      expect(off.sessionCache.size).toBe(0);
    } finally {
      await offServer.close();
      await off.cleanup();
    }
  });
});
