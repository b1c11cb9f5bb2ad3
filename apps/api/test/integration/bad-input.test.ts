// Every procedure, over real HTTP, refuses malformed JSON, wrong types, oversize strings and unknown
// fields with a 4xx and a readable message, and writes nothing.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@opus/db/demo-accounts";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../src/trpc/app-router.ts";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { type Ids, matrixIds, PROCEDURES } from "../support/procedure-catalog.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { totpForRawSecret } from "../support/totp.ts";

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: HttpSession;
let ids: Ids;

beforeAll(async () => {
  services = await createTestServices();
  server = await startTestServer(services);
  ids = await matrixIds(services);
  admin = new HttpSession(server.base, services.publicUrl);
  const account = DEMO_ACCOUNTS.find((a) => a.email === "admin@opus.example");
  await admin.postJson("/api/auth/sign-in/email", { email: account?.email, password: DEMO_PASSWORD });
  const verified = await admin.postJson("/api/auth/two-factor/verify-totp", { code: totpForRawSecret(account?.totpSecret ?? "") });
  expect(verified.status).toBe(200);
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);

/** Row counts of every table a procedure could write to. */
async function snapshot() {
  const db = services.db;
  return Promise.all([db.auditEvent.count(), db.invitation.count(), db.membership.count(), db.user.count(), db.institution.count()]);
}

async function send(path: string, type: string, rawInput: string) {
  const res =
    type === "query"
      ? await admin.request(`/api/trpc/${path}?input=${encodeURIComponent(rawInput)}`)
      : await admin.request(`/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: rawInput });
  const body = (await res.json()) as { error?: { json?: { message: string; data?: { appCode?: string } }; message?: string } };
  return { status: res.status, message: body.error?.json?.message ?? "", appCode: body.error?.json?.data?.appCode };
}

const wire = (input: unknown) => JSON.stringify(superjson.serialize(input));
// Longer than any field's limit; queries travel in the URL, which Node caps at 16 KB of headers.
const oversize = (type: string) => (type === "query" ? 5_000 : 30_000);

describe("bad input", () => {
  for (const [path, procedure] of procedures) {
    const type = procedure._def.type;
    it(`${path}: malformed JSON, wrong types, oversize strings, unknown fields → 400, nothing written`, async () => {
      const spec = PROCEDURES[path];
      if (!spec) throw new Error(`no spec for ${path}`);
      const valid = spec.input(ids.own, ids) ?? {};
      const before = await snapshot();

      const malformed = await send(path, type, '{"json": {"institutionId": ');
      expect(malformed.status).toBe(400);
      expect(malformed.message.length).toBeGreaterThan(5);

      const wrongType = await send(path, type, wire(42));
      expect(wrongType.status).toBe(400);
      expect(wrongType.appCode).toBe("BAD_INPUT");
      expect(wrongType.message).toMatch(/^Invalid input/);

      const unknown = await send(path, type, wire({ ...valid, isAdmin: true }));
      expect(unknown.status).toBe(400);
      expect(unknown.message).toContain("unknown field(s): isAdmin");

      for (const [key, value] of Object.entries(valid)) {
        if (typeof value !== "string") continue;
        const tooLong = await send(path, type, wire({ ...valid, [key]: "x".repeat(oversize(type)) }));
        expect(tooLong.status, `${key} oversize`).toBe(400);
        expect(tooLong.message).toContain(key);
        const wrongField = await send(path, type, wire({ ...valid, [key]: 123 }));
        expect(wrongField.status, `${key} as number`).toBe(400);
      }
      expect(await snapshot()).toEqual(before);
    });
  }

  // PostgreSQL cannot store U+0000 or half a UTF-16 pair; valid JSON carries both.
  const unstorable = { NUL: "before\u0000after", "lone surrogate": "broken \ud800 text" };
  for (const [path, procedure] of procedures) {
    const type = procedure._def.type;
    it(`${path}: a NUL character or a lone surrogate in any string → 400 naming the field, nothing written`, async () => {
      const spec = PROCEDURES[path];
      if (!spec) throw new Error(`no spec for ${path}`);
      const valid = spec.input(ids.own, ids) ?? {};
      const stringKeys = Object.keys(valid).filter((key) => typeof valid[key] === "string");
      // A procedure with no string field still gets one: the check runs before the schema.
      const keys = stringKeys.length > 0 ? stringKeys : ["note"];
      const before = await snapshot();
      for (const key of keys) {
        for (const [what, text] of Object.entries(unstorable)) {
          const res = await send(path, type, wire({ ...valid, [key]: text }));
          expect(res.status, `${key} with a ${what}`).toBe(400);
          expect(res.appCode).toBe("BAD_INPUT");
          expect(res.message).toMatch(new RegExp(`^Invalid input: ${key}: contains (a NUL character|a broken character)`));
        }
      }
      // Nested values and object keys too.
      const nested = await send(path, type, wire({ ...valid, deep: { list: ["fine", { ["k\u0000"]: "v" }] } }));
      expect(nested.status).toBe(400);
      expect(nested.message).toContain("deep.list.1.k\uFFFD: its name contains a NUL character");
      expect(await snapshot()).toEqual(before);
    });
  }

  it("refuses a request body over the size limit with 413", async () => {
    const res = await admin.request("/api/trpc/members.invite", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: wire({ institutionId: ids.own, email: `${"a".repeat(300_000)}@example.com`, role: "VIEWER" }),
    });
    expect(res.status).toBe(413);
  });
});
