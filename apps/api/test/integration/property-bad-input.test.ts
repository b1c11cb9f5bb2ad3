// Property-based bad input (fast-check): arbitrary JSON, and the procedure's own valid input with
// arbitrary JSON in its fields, sent over real HTTP to every tRPC procedure of the router and to
// every request body of the machine API's OpenAPI description. Whatever arrives: never a 5xx,
// always an answer with a message, and a refused request writes nothing (row counts of every
// table and the audit chain's head unchanged). PROPERTY_RUNS sets the runs per route (default 8).
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@opus/db/demo-accounts";
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../../src/trpc/app-router.ts";
import { callerFor } from "../support/callers.ts";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { arrange, PROCEDURES } from "../support/procedure-catalog.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { totpForRawSecret } from "../support/totp.ts";

const RUNS = Number(process.env.PROPERTY_RUNS ?? 8);
let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: HttpSession;
let apiKey: string;

beforeAll(async () => {
  services = await createTestServices();
  server = await startTestServer(services);
  admin = new HttpSession(server.base, services.publicUrl);
  const account = DEMO_ACCOUNTS.find((a) => a.email === "admin@opus.example");
  await admin.postJson("/api/auth/sign-in/email", { email: account?.email, password: DEMO_PASSWORD });
  const verified = await admin.postJson("/api/auth/two-factor/verify-totp", { code: totpForRawSecret(account?.totpSecret ?? "") });
  expect(verified.status).toBe(200);
  const aurora = await services.db.institution.findUniqueOrThrow({ where: { slug: "banco-aurora" }, include: { environments: true } });
  const production = aurora.environments.find((e) => e.kind === "PRODUCTION");
  const ana = await callerFor(services, "ana@aurora.example");
  apiKey = (await ana.apiKeys.create({ institutionId: aurora.id, name: "property key", environmentId: production?.id })).key;
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

/**
 * Tables whose rows change with requests, written or not: rate-limit counters, sign-in bookkeeping,
 * and the audit trail, which is counted without its record of an API key's use (the first use in
 * a minute is recorded, whatever the request then turns out to be).
 */
const BOOKKEEPING = new Set(["rate_limit", "session", "verification", "_prisma_migrations", "audit_event", "audit_chain_head"]);

/** Row counts of every table (usage partitions through their parent) and of audit events. */
async function snapshot(): Promise<string> {
  const tables = await services.db.$queryRaw<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY 1`;
  const counted = tables.filter((t) => !BOOKKEEPING.has(t.name)).map((t) => `SELECT '${t.name}' AS t, count(*)::int AS n FROM "${t.name}"`);
  const counts = await services.db.$queryRawUnsafe<{ t: string; n: number }[]>(counted.join(" UNION ALL "));
  const audit = await services.db.auditEvent.count({ where: { action: { not: "api_key.used" } } });
  return JSON.stringify({ counts, audit });
}

// Any code unit in strings: NUL and half surrogate pairs too, which PostgreSQL cannot store.
const json = fc.jsonValue({ maxDepth: 3, stringUnit: "binary" });
/** Text fields keep their type but get any text, or their own value with any text around it. */
const anyText = (value: string) =>
  fc.oneof(
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.tuple(fc.string({ unit: "binary", maxLength: 3 })).map(([t]) => `${value}${t}`),
  );
/** The valid input with any of its fields replaced by arbitrary JSON, and arbitrary extra fields now and then. */
const nearly = (valid: Record<string, unknown>) =>
  fc
    .record(
      Object.fromEntries(
        Object.entries(valid).map(([key, value]) => [
          key,
          fc.oneof(fc.constant(value), json, ...(typeof value === "string" ? [anyText(value)] : [])),
        ]),
      ),
    )
    .chain((input) =>
      fc.oneof(
        fc.constant(input),
        fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 2 }).map((extra) => ({ ...extra, ...input })),
      ),
    );
/** How it travels: the tRPC wire format, or plain JSON without superjson's envelope. */
const encoded = (inputs: fc.Arbitrary<unknown>) => fc.tuple(inputs, fc.boolean()).map(([input, wrapped]) => wire(input, wrapped));

function wire(input: unknown, wrapped: boolean): string {
  if (!wrapped) return JSON.stringify(input);
  try {
    return JSON.stringify(superjson.serialize(input));
  } catch {
    // superjson refuses to serialize a "__proto__" key; send that one as the raw JSON it is.
    return JSON.stringify({ json: input });
  }
}

type Answer = { status: number; message: string };

async function expectClean(send: () => Promise<Answer>, label: string) {
  const before = await snapshot();
  const answer = await send();
  expect(answer.status, `${label}: ${answer.message}`).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.message.length, label).toBeGreaterThan(3);
    expect(await snapshot(), `${label} was refused (${answer.status}) but wrote`).toBe(before);
  }
}

async function trpc(path: string, type: string, raw: string): Promise<Answer> {
  const res =
    type === "query"
      ? await admin.request(`/api/trpc/${path}?input=${encodeURIComponent(raw)}`)
      : await admin.request(`/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: raw });
  const body = (await res.json().catch(() => ({}))) as { error?: { json?: { message?: string } } };
  return { status: res.status, message: body.error?.json?.message ?? "" };
}

const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>);

describe("every tRPC procedure, arbitrary JSON", () => {
  for (const [path, procedure] of procedures) {
    const type = procedure._def.type;
    it(`${path}: never a 5xx, a refused request writes nothing`, async () => {
      const spec = PROCEDURES[path];
      if (!spec) throw new Error(`no spec for ${path}`);
      const valid = await spec.input({ db: services.db, services, tenant: await arrange(services.db, spec, "own") });
      await fc.assert(
        fc.asyncProperty(encoded(fc.oneof(json, nearly(valid))), (raw) => expectClean(() => trpc(path, type, raw), `${path} ${raw}`)),
        { numRuns: RUNS },
      );
    }, 120_000);
  }
});

type OpenApi = {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object } }> } }>>;
};

describe("every machine API request body of the OpenAPI description, arbitrary JSON", () => {
  it("each POST route with a body: never a 5xx, a refused request writes nothing", async () => {
    const document = (await (await fetch(`${server.base}/api/v1/openapi.json`)).json()) as OpenApi;
    const routes = Object.entries(document.paths).filter(([, methods]) => methods.post?.requestBody);
    expect(routes.length).toBeGreaterThanOrEqual(3);
    for (const [path, methods] of routes) {
      const schema = methods.post?.requestBody?.content["application/json"]?.schema;
      // Bodies shaped like the description (its field names, arbitrary values) and anything at all.
      const shaped = fc.record(Object.fromEntries(Object.keys(schema?.properties ?? {}).map((key) => [key, json])), { requiredKeys: [] });
      await fc.assert(
        fc.asyncProperty(fc.oneof(json, shaped), (body) =>
          expectClean(
            async () => {
              const res = await fetch(server.base + path, {
                method: "POST",
                headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
                body: JSON.stringify(body),
              });
              const answer = (await res.json().catch(() => ({}))) as { error?: { message?: string }; message?: string };
              return { status: res.status, message: answer.error?.message ?? answer.message ?? (res.ok ? "ok" : "") };
            },
            `${path} ${JSON.stringify(body)}`,
          ),
        ),
        { numRuns: RUNS * 4 },
      );
    }
  }, 180_000);
});
