// Secrets never reach a log: a run of real traffic (sign-in, a failed sign-in, two-factor, self
// sign-up, invitation acceptance, API keys over the machine API, bad input carrying a password)
// and of provisioning runs whose engine echoes every secret of its spec (passwords, a kubeconfig's
// bearer token) is captured — every pino line of the API and the worker at trace level — and then
// grepped, with the stored operation logs, errors and outputs and the audit trail, for each
// seeded secret. Any hit fails the test and says where.
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { EngineError } from "@opus/provisioner/engine";
import superjson from "superjson";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { FakeEngine, ok } from "../provisioning/support/fake-engine.ts";
import { createTenant, createTestWorker, DB_PASSWORD, enqueue, QUEUE_PASSWORD } from "../provisioning/support/fixtures.ts";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { totpForRawSecret } from "../support/totp.ts";

const fresh = (what: string) => `${what}-${randomBytes(6).toString("hex")}`;
const SIGNUP_PASSWORD = fresh("signup-pass");
const INVITE_PASSWORD = fresh("invite-pass");
const WRONG_PASSWORD = fresh("wrong-pass");
const KUBE_TOKEN = fresh("kube-token");
const MANAGED_DB_PASSWORD = fresh("managed-db-pass");
const MANAGED_MQ_PASSWORD = fresh("managed-mq-pass");

let services: TestServices;
let server: Awaited<ReturnType<typeof startTestServer>>;
const lines: string[] = [];

beforeAll(async () => {
  const base = await createTestServices();
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  services = { ...base, log: createLogger("trace", "redaction-test", sink) };
  server = await startTestServer(services);
});
afterAll(async () => {
  await server.close();
  await services.cleanup();
});

const wire = (input: unknown) => JSON.stringify(superjson.serialize(input));
const resultOf = <T>(body: unknown) =>
  superjson.deserialize((body as { result: { data: Parameters<typeof superjson.deserialize>[0] } }).result.data) as T;

async function traffic(): Promise<string[]> {
  const secrets: string[] = [];
  const admin = new HttpSession(server.base, services.publicUrl);
  const account = DEMO_ACCOUNTS.find((a) => a.email === "admin@opus.example");
  expect((await admin.postJson("/api/auth/sign-in/email", { email: account?.email, password: WRONG_PASSWORD })).status).toBe(401);
  await admin.postJson("/api/auth/sign-in/email", { email: account?.email, password: DEMO_PASSWORD });
  const code = totpForRawSecret(account?.totpSecret ?? "");
  expect((await admin.postJson("/api/auth/two-factor/verify-totp", { code })).status).toBe(200);

  const post = (session: HttpSession, path: string, input: unknown) =>
    session.request(`/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: wire(input) });
  const anonymous = new HttpSession(server.base, services.publicUrl);
  const signup = { name: "Rosa Redacted", email: `${fresh("rosa")}@example.com`, password: SIGNUP_PASSWORD, legalName: "Banco Sigilo SA" };
  expect((await post(anonymous, "signups.create", { ...signup, cnpj: "not a cnpj" })).status).toBe(400);

  const aurora = await services.db.institution.findUniqueOrThrow({ where: { slug: "banco-aurora" }, include: { environments: true } });
  const invited = await post(admin, "members.invite", { institutionId: aurora.id, email: `${fresh("nina")}@example.com`, role: "VIEWER" });
  const link = resultOf<{ link: string }>(await invited.json()).link;
  const token = link.split("/invite/")[1] ?? "";
  expect((await post(anonymous, "members.acceptInvitation", { token, name: "Nina", password: INVITE_PASSWORD })).status).toBe(200);

  const created = await post(admin, "apiKeys.create", { institutionId: aurora.id, name: "redaction key" });
  const key = resultOf<{ key: string }>(await created.json()).key;
  const events = (body: string) =>
    fetch(`${server.base}/api/v1/usage/events`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
      body,
    });
  expect((await events("{not json")).status).toBe(400);
  expect((await events(JSON.stringify({ events: [{ id: "x", meter: "api_calls", quantity: -1 }] }))).status).toBeLessThan(500);
  expect((await fetch(`${server.base}/api/v1/meters`, { headers: { authorization: `Bearer ${key}x` } })).status).toBe(401);

  secrets.push(DEMO_PASSWORD, WRONG_PASSWORD, SIGNUP_PASSWORD, INVITE_PASSWORD, code, token, key);
  for (const demo of DEMO_ACCOUNTS) if (demo.totpSecret) secrets.push(demo.totpSecret);
  return secrets;
}

/** Provisioning runs whose engine echoes every secret it was given, in log lines, outputs and errors. */
async function provisioning(): Promise<string[]> {
  const managed = await createTenant(services.db, { mode: "MANAGED" });
  const kubeconfig = ["apiVersion: v1", "kind: Config", "users:", "  - name: opus", "    user:", `      token: ${KUBE_TOKEN}`].join("\n");
  await services.db.managedAccount.create({
    data: {
      institutionId: managed.id,
      cloudProvider: "AWS",
      accountRef: "210987654321",
      region: "sa-east-1",
      clusterName: "redacted-eks",
      clusterEndpoint: "https://redacted-eks.example",
      credentialsCiphertext: services.cipher.encrypt(
        JSON.stringify({
          kubeconfig,
          gateway: { domain: "of.redacted.example", namespace: "kong" },
          database: {
            host: "pg.redacted",
            port: 5432,
            adminUser: "opus",
            adminPassword: MANAGED_DB_PASSWORD,
            sslMode: "require",
            cidr: "10.9.0.0/24",
          },
          queue: {
            kind: "rabbitmq",
            endpoint: "https://mq.redacted:15671",
            adminUser: "opus",
            adminPassword: MANAGED_MQ_PASSWORD,
            host: "mq.redacted",
            port: 5671,
            cidr: "10.9.1.0/24",
          },
        }),
      ),
    },
  });
  const saas = await createTenant(services.db);
  const engine = new FakeEngine();
  const echoed = [KUBE_TOKEN, MANAGED_DB_PASSWORD, MANAGED_MQ_PASSWORD, DB_PASSWORD, QUEUE_PASSWORD];
  // An engine knows the secrets of its own spec only, and echoes them the way providers do.
  engine.script = async (input) => {
    const spec = input.spec as unknown as {
      database?: { adminPassword?: string };
      queue?: { adminPassword?: string };
      target: { kubeconfig?: string };
    };
    const token = input.spec.mode === "MANAGED" ? /token: (\S+)/.exec(spec.target.kubeconfig ?? "")?.[1] : undefined;
    if (token) input.onLog(`Authorization: Bearer ${token}`);
    const db = spec.database?.adminPassword ?? "";
    input.onLog(`postgres://opus:${db}@pg.internal:5432 and amqps://opus:${spec.queue?.adminPassword ?? ""}@mq.internal`);
    if (input.stackName === saas.env.stackName) throw new EngineError("failed", `error: role "opus" password=${db} rejected`);
    return ok({ namespace: input.stackName, connection: `postgres://opus:${db}@pg.internal`, ...(token ? { token } : {}) });
  };
  const worker = createTestWorker(services, engine);
  const up = await enqueue(services, managed.env.id, "UP");
  const failing = await enqueue(services, saas.env.id, "UP", { maxAttempts: 1 });
  while (await worker.runNext()) {}
  const ended = await services.db.operation.findMany({ where: { id: { in: [up.id, failing.id] } } });
  expect(ended.map((o) => o.status).sort()).toEqual(["FAILED", "SUCCEEDED"]);
  expect(engine.runs()).toHaveLength(2);
  return echoed;
}

it("no seeded secret appears in any log line, stored operation log, error, output or audit event", async () => {
  const secrets = [...(await traffic()), ...(await provisioning())];
  const stored = {
    "operation logs": (await services.db.operationLog.findMany({ select: { line: true } })).map((l) => l.line),
    "operation errors and outputs": (await services.db.operation.findMany({ select: { error: true, outputs: true } })).map((o) =>
      JSON.stringify(o),
    ),
    "environment outputs": (await services.db.environment.findMany({ select: { outputs: true } })).map((e) => JSON.stringify(e.outputs)),
    "audit events": (await services.db.auditEvent.findMany({ select: { data: true } })).map((e) => JSON.stringify(e.data)),
    "pino lines": lines,
  };
  // The capture saw the runs (it is not an empty net).
  expect(lines.some((l) => l.includes("operation run ended"))).toBe(true);
  expect(stored["operation logs"].some((l) => l.includes("[secret]"))).toBe(true);
  const found = secrets.flatMap((secret) =>
    Object.entries(stored).flatMap(([where, texts]) => {
      const hit = texts.find((text) => text.includes(secret));
      return hit ? [`${secret} in ${where}: ${hit.slice(0, 200)}`] : [];
    }),
  );
  expect(found).toEqual([]);
});
