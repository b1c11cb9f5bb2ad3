// The perimeter over real HTTP: shared rate limits (429 + Retry-After + a sentence) on sign-in,
// two-factor, self sign-up, invitation acceptance and the machine API; the Origin check on
// state-changing tRPC calls; the API's security headers; the client address through trusted proxies.
import type { IncomingMessage } from "node:http";
import { DEMO_PASSWORD } from "@opus/db/demo-accounts";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientIp } from "../../src/http/client-ip.ts";
import { createRateLimits, RATE_RULES } from "../../src/lib/rate-limits.ts";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { apiCall, createKey, postEvents } from "../usage/usage-support.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
const session = () => new HttpSession(server.base, services.publicUrl);

beforeAll(async () => {
  // Small limits, in their own counters (the rule's size is part of the key).
  services = await createTestServices({
    rateRules: {
      signInPerIp: { points: 7, seconds: 60 },
      signInPerAccount: { points: 3, seconds: 300 },
      twoFactorPerIp: { points: 4, seconds: 60 },
      signupPerIp: { points: 2, seconds: 600 },
      invitationPerIp: { points: 2, seconds: 600 },
    },
  });
  server = await startTestServer(services);
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

/** The minute must not turn over between the requests of a fixed-minute test. */
async function startOfAMinute() {
  if (new Date().getSeconds() > 50) await new Promise((resolve) => setTimeout(resolve, 11_000));
}

function expectTooMany(res: Response, body: unknown, pattern: RegExp) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(body)).toMatch(pattern);
}

describe("Origin check on state-changing tRPC calls", () => {
  const mutateFrom = (origin: string | null, cookie: string | null) => {
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (origin) headers.origin = origin;
    if (cookie) headers.cookie = cookie;
    return fetch(`${server.base}/api/trpc/me.setLocale`, {
      method: "POST",
      headers,
      body: JSON.stringify(superjson.serialize({ locale: "en" })),
    });
  };

  // First: the rate-limit cases below use up this address's sign-ins.
  it("refuses another origin, and a session without an origin; lets the console through", async () => {
    const ana = new HttpSession(server.base, services.publicUrl);
    await ana.postJson("/api/auth/sign-in/email", { email: "sergio@sertao.example", password: DEMO_PASSWORD });
    const cookie = ana.cookieHeader();
    const before = await services.db.auditEvent.count();

    const evil = await mutateFrom("https://evil.example", cookie);
    expect(evil.status).toBe(403);
    expect(JSON.stringify(await evil.json())).toMatch(
      /must come from the console \(http:\/\/console\.test\), not from https:\/\/evil\.example/,
    );
    const none = await mutateFrom(null, cookie);
    expect(none.status).toBe(403);
    expect(await services.db.auditEvent.count()).toBe(before);

    expect((await mutateFrom(services.publicUrl, cookie)).status).toBe(200);
    // Reads are not state changes.
    expect((await fetch(`${server.base}/api/trpc/me.get`, { headers: { cookie, origin: "https://evil.example" } })).status).toBe(200);
  });
});

describe("rate limits", () => {
  it("sign-in: per account, then per address, before the password is checked", async () => {
    const attempt = (email: string, password = "wrong-password-123") => session().postJson("/api/auth/sign-in/email", { email, password });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await attempt("ana@aurora.example")).status);
    expect(statuses).toEqual([401, 401, 401]);
    // The fourth try at this account is refused, even with the right password.
    const refused = await attempt("ana@aurora.example", DEMO_PASSWORD);
    expectTooMany(refused, await refused.json(), /Too many sign-in attempts for this account; try again in \d+ s\./);
    // Other accounts from the same address, until the address's own limit (7 in total, the Origin case's sign-in included).
    expect((await attempt("bruno@aurora.example")).status).toBe(401);
    expect((await attempt("carla@aurora.example")).status).toBe(401);
    const byAddress = await attempt("someone@example.com");
    expectTooMany(byAddress, await byAddress.json(), /from this address/);
  });

  it("two-factor: per address", async () => {
    const s = session();
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await s.postJson("/api/auth/two-factor/verify-totp", { code: "000000" })).status);
    expect(statuses.slice(0, 4)).not.toContain(429);
    expect(statuses[4]).toBe(429);
  });

  it("self sign-up and invitation acceptance: per address, with Retry-After on the tRPC answer", async () => {
    const signup = (i: number) =>
      session().mutate("signups.create", {
        name: "Rate Limited",
        email: `rate-${i}@example.com`,
        password: "a-long-password-1",
        legalName: "Rate S.A.",
        cnpj: "11222333000181",
      });
    const first = [await signup(1), await signup(2)].map((r) => r.status);
    expect(first).not.toContain(429);
    const third = await session().request("/api/trpc/signups.create", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(
        superjson.serialize({ name: "x", email: "rate-3@example.com", password: "a-long-password-1", legalName: "x", cnpj: "x" }),
      ),
    });
    expectTooMany(third, await third.json(), /Too many sign-up requests from this address; try again in \d+ s\./);

    const accept = () => session().mutate("members.acceptInvitation", { token: "x".repeat(43) });
    expect([(await accept()).status, (await accept()).status]).not.toContain(429);
    expect((await accept()).status).toBe(429);
  });

  it("machine API: per key per fixed minute, shared by every replica", async () => {
    await startOfAMinute();
    const key = await createKey(services, "ana@aurora.example", "banco-aurora");
    const limits = createRateLimits(services.sql, { machinePerKey: { points: 3, seconds: 60, fixedMinute: true } });
    // Two API servers over one database: the counter is shared, not per process.
    const a = await startTestServer(services, { rateLimits: limits });
    const b = await startTestServer(services, { rateLimits: createRateLimits(services.sql, limits.rules) });
    try {
      const statuses = [];
      for (const [i, base] of [a.base, b.base, a.base, b.base].entries()) {
        statuses.push((await postEvents(base, key.key, { events: [apiCall(`perimeter-${i}`)] })).status);
      }
      expect(statuses).toEqual([200, 200, 200, 429]);
      const refused = await postEvents(a.base, key.key, { events: [] });
      const wait = Number(refused.headers.get("retry-after"));
      // Until the calendar minute ends, never longer.
      expect(wait).toBeGreaterThanOrEqual(1);
      expect(wait).toBeLessThanOrEqual(60 - new Date().getSeconds() + 1);
      expect(await refused.json()).toMatchObject({ error: { code: "RATE_LIMITED", message: expect.stringMatching(/for this key/) } });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it("machine API: per address, unknown keys included", async () => {
    await startOfAMinute();
    const limited = await startTestServer(services, {
      rateLimits: createRateLimits(services.sql, { machinePerIp: { points: 2, seconds: 60, fixedMinute: true } }),
    });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await postEvents(limited.base, "opus_uk_not-a-key", { events: [] })).status);
      expect(statuses).toEqual([401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it("the default rules are the documented ones", () => {
    expect(RATE_RULES.machinePerKey).toEqual({ points: 6000, seconds: 60, fixedMinute: true });
    expect(RATE_RULES.signInPerAccount).toEqual({ points: 10, seconds: 300 });
  });
});

describe("security headers", () => {
  it("every API answer carries them", async () => {
    for (const path of ["/healthz", "/api/trpc/me.get", "/api/v1/openapi.json", "/nowhere"]) {
      const res = await fetch(server.base + path);
      expect(res.headers.get("content-security-policy")).toBe(
        "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
      );
      expect(res.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
    }
  });
});

describe("client address", () => {
  const request = (forwarded: string | undefined, socket = "10.0.0.9") =>
    ({
      headers: forwarded === undefined ? {} : { "x-forwarded-for": forwarded },
      socket: { remoteAddress: socket },
    }) as unknown as IncomingMessage;

  it("believes X-Forwarded-For only as far as the trusted proxies", () => {
    // No proxy trusted: the socket, whatever the header says.
    expect(clientIp(request("6.6.6.6"), 0)).toBe("10.0.0.9");
    // One proxy (the console): the address it saw; what the client wrote to the left is ignored.
    expect(clientIp(request("6.6.6.6, 203.0.113.5"), 1)).toBe("203.0.113.5");
    // Two proxies (an ingress, then the console).
    expect(clientIp(request("6.6.6.6, 203.0.113.5, 10.0.0.2"), 2)).toBe("203.0.113.5");
    // Fewer hops than proxies: the farthest one known.
    expect(clientIp(request(undefined), 1)).toBe("10.0.0.9");
    expect(clientIp(request("203.0.113.5"), 3)).toBe("203.0.113.5");
  });
});
