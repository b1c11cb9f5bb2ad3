// Over real HTTP: a wrong method is a 405 that names the right one, a body that is not JSON a 415,
// text PostgreSQL cannot store a 400 on the machine API too, and a lost database a 503 with a clear
// message (tRPC, the machine API and /readyz), never a 500 "something went wrong on our side".
import { createDb } from "@opus/db/client";
import { DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { createSqlPool } from "@opus/db/sql-pool";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../../src/auth/create-auth.ts";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../../src/errors/database-errors.ts";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { createTestServices, serverUrl, TEST_AUTH_SECRET, type TestServices } from "../support/test-services.ts";
import { apiCall, createKey, postEvents } from "../usage/usage-support.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
let key: string;

beforeAll(async () => {
  services = await createTestServices();
  server = await startTestServer(services);
  key = (await createKey(services, "ana@aurora.example", "banco-aurora")).key;
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

type TrpcError = { error?: { json?: { message: string; data: { appCode: string; httpStatus: number } } } };

async function trpc(path: string, init: RequestInit = {}) {
  const res = await fetch(`${server.base}/api/trpc/${path}`, init);
  const body = (await res.json()) as TrpcError;
  return {
    status: res.status,
    allow: res.headers.get("allow"),
    message: body.error?.json?.message ?? "",
    appCode: body.error?.json?.data.appCode,
  };
}

const auditCount = () => services.db.auditEvent.count();
const storedEvents = async () => Number((await services.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM usage_event`)[0]?.n);
const json = { "content-type": "application/json" };
const acceptInput = JSON.stringify({ json: { token: "no-such-invitation-token-000000" } });

describe("405: the wrong HTTP method", () => {
  it("a mutation sent as GET, a query sent as POST: 405 naming the method to use", async () => {
    const before = await auditCount();
    const get = await trpc(`members.acceptInvitation?input=${encodeURIComponent(acceptInput)}`);
    expect(get).toMatchObject({ status: 405, allow: "POST", appCode: "METHOD_NOT_ALLOWED" });
    expect(get.message).toBe("Wrong HTTP method: members.acceptInvitation changes data, so send it as a POST with a JSON body.");
    const post = await trpc("members.getInvitation", { method: "POST", headers: json, body: acceptInput });
    expect(post).toMatchObject({ status: 405, allow: "GET", appCode: "METHOD_NOT_ALLOWED" });
    expect(post.message).toContain("members.getInvitation only reads, so send it as a GET");
    expect(await auditCount()).toBe(before);
  });

  it("methods tRPC does not serve (PUT, DELETE, PATCH, OPTIONS): 405 with Allow: GET, POST", async () => {
    for (const method of ["PUT", "DELETE", "PATCH", "OPTIONS"]) {
      const res = await trpc("members.acceptInvitation", { method, headers: json, ...(method === "OPTIONS" ? {} : { body: acceptInput }) });
      expect(res, method).toMatchObject({ status: 405, allow: "GET, POST", appCode: "METHOD_NOT_ALLOWED" });
      expect(res.message).toContain(`${method} is not served here`);
    }
  });

  it("the machine API: GET on a POST route is a 405 with Allow", async () => {
    const res = await fetch(`${server.base}/api/v1/usage/events`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("POST");
    expect(await res.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED", message: expect.stringContaining("accepts POST") } });
  });
});

describe("415: a body that is not JSON", () => {
  it("a tRPC mutation posted as text, XML, a form or without a content type", async () => {
    const before = await auditCount();
    for (const contentType of ["text/plain", "application/xml", "application/x-www-form-urlencoded", null]) {
      const res = await trpc("members.acceptInvitation", {
        method: "POST",
        headers: contentType ? { "content-type": contentType } : {},
        body: acceptInput,
      });
      expect(res, String(contentType)).toMatchObject({ status: 415, appCode: "UNSUPPORTED_MEDIA_TYPE" });
      expect(res.message).toContain("content-type: application/json");
    }
    expect(await auditCount()).toBe(before);
  });

  it("the machine API: events posted as text/plain", async () => {
    const res = await fetch(`${server.base}/api/v1/usage/events`, {
      method: "POST",
      headers: { "content-type": "text/plain", authorization: `Bearer ${key}` },
      body: JSON.stringify({ events: [apiCall("as-text")] }),
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ error: { code: "UNSUPPORTED_MEDIA_TYPE" } });
  });
});

describe("400: text the database cannot store, on the machine API", () => {
  it("a NUL character or a lone surrogate in an event is refused naming the field; nothing is stored", async () => {
    const before = await storedEvents();
    for (const text of ["acc\u0000ounts", "acc\ud800ounts"]) {
      const res = await postEvents(server.base, key, { events: [apiCall("nul-1", { dimensions: { family: text } })] });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
        /^Invalid request: events\.0\.dimensions\.family: contains (a NUL character|a broken character)/,
      );
    }
    expect(await storedEvents()).toBe(before);
  });
});

describe("503: a lost database", () => {
  it("a server whose database cannot be reached: tRPC (anonymous and signed in), the machine API and /readyz", async () => {
    // Sign in while the database is there; then talk to a second server over an unreachable one.
    const signedIn = new HttpSession(server.base, services.publicUrl);
    expect((await signedIn.postJson("/api/auth/sign-in/email", { email: "ana@aurora.example", password: DEMO_PASSWORD })).status).toBe(200);
    const unreachable = createDb("postgresql://postgres@127.0.0.1:1/opus", { poolSize: 2 });
    // The plain pg pool too: the machine API's key lookup and ingestion run there, not through Prisma.
    const unreachableSql = createSqlPool("postgresql://postgres@127.0.0.1:1/opus", { poolSize: 2 });
    const lost = await startTestServer({
      ...services,
      db: unreachable,
      sql: unreachableSql,
      auth: createAuth({ db: unreachable, secret: TEST_AUTH_SECRET, publicUrl: services.publicUrl, rateLimits: services.rateLimits }),
    });
    try {
      const anonymous = await fetch(`${lost.base}/api/trpc/members.getInvitation?input=${encodeURIComponent(acceptInput)}`);
      expect(anonymous.status).toBe(503);
      expect(((await anonymous.json()) as TrpcError).error?.json).toMatchObject({
        message: DATABASE_UNAVAILABLE_MESSAGE,
        data: { appCode: "UNAVAILABLE", httpStatus: 503 },
      });
      const mutation = await fetch(`${lost.base}/api/trpc/members.acceptInvitation`, { method: "POST", headers: json, body: acceptInput });
      expect(mutation.status).toBe(503);

      const me = await fetch(`${lost.base}/api/trpc/me.get`, { headers: { cookie: signedIn.cookieHeader(), origin: services.publicUrl } });
      expect(me.status).toBe(503);
      expect(((await me.json()) as TrpcError).error?.json?.message).toBe(DATABASE_UNAVAILABLE_MESSAGE);

      const machine = await postEvents(lost.base, key, { events: [apiCall("lost-1")] });
      expect(machine.status).toBe(503);
      expect(await machine.json()).toMatchObject({ error: { code: "UNAVAILABLE", message: DATABASE_UNAVAILABLE_MESSAGE } });

      // better-auth's own routes too: signing in and reading the session need the database.
      const signIn = await fetch(`${lost.base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { ...json, origin: services.publicUrl },
        body: JSON.stringify({ email: "ana@aurora.example", password: DEMO_PASSWORD }),
      });
      expect(signIn.status).toBe(503);
      expect(await signIn.json()).toEqual({ message: DATABASE_UNAVAILABLE_MESSAGE, code: "UNAVAILABLE" });
      const session = await fetch(`${lost.base}/api/auth/get-session`, {
        headers: { cookie: signedIn.cookieHeader(), origin: services.publicUrl },
      });
      expect(session.status).toBe(503);

      const ready = await fetch(`${lost.base}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({
        status: "unavailable",
        message: "The database cannot be reached: this replica cannot serve requests.",
      });
    } finally {
      await lost.close();
      await unreachable.$disconnect();
      await unreachableSql.end();
    }
  });

  it("a running server whose database closes and drops its connections answers 503, then recovers", async () => {
    const database = services.databaseUrl.split("/").at(-1) ?? "";
    const session = new HttpSession(server.base, services.publicUrl);
    await session.postJson("/api/auth/sign-in/email", { email: "ana@aurora.example", password: DEMO_PASSWORD });
    expect((await session.query("me.get")).status).toBe(200);
    const admin = new pg.Client({ connectionString: serverUrl() });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", [database]);
      const me = await session.query("me.get");
      expect(me.status).toBe(503);
      expect(me.body.error?.json).toMatchObject({ message: DATABASE_UNAVAILABLE_MESSAGE, data: { appCode: "UNAVAILABLE" } });
      const invite = await session.mutate("members.invite", { institutionId: "x", email: "lost@example.com", role: "VIEWER" });
      expect(invite.status).toBe(503);
      expect((await fetch(`${server.base}/readyz`)).status).toBe(503);
    } finally {
      await admin.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    expect((await session.query("me.get")).status).toBe(200);
    expect((await fetch(`${server.base}/readyz`)).status).toBe(200);
  });
});
