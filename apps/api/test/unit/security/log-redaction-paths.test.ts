// The logger's own redaction, fed the objects that really carry secrets: request bodies and
// procedure inputs with passwords, invitation tokens, a machine API key as created and as presented
// (headers captured from a real HTTP request), two-factor enrolment, a managed account's sealed
// credentials and a tenant spec. Each is logged through the real logger (createLogger) in the
// shapes code logs them (the object itself, `{ body }`, `{ req: { headers } }`, `{ spec }`), the
// lines are captured and grepped for every secret. The second test removes each redaction path in
// turn and requires some secret to leak: no path is dead weight, and none can be dropped unnoticed.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { Writable } from "node:stream";
import type { TenantEnvironmentSpec } from "@opus/provisioner/spec";
import { expect, it } from "vitest";
import { newApiKey } from "../../../src/domain/api-keys/api-key-secret.ts";
import type { ManagedCredentials } from "../../../src/domain/institutions/managed-credentials.ts";
import type { AcceptInvitationInput } from "../../../src/domain/members/accept-invitation.ts";
import type { CreateSignupInput } from "../../../src/domain/signups/create-signup.ts";
import { REDACT_PATHS } from "../../../src/log-redact-paths.ts";
import { createLogger } from "../../../src/logger.ts";

const fresh = (what: string) => `${what}-${randomBytes(6).toString("hex")}`;

/** Headers as Node hands them to a request handler, from a real request on a loopback server. */
async function realRequestHeaders(headers: Record<string, string>): Promise<IncomingHttpHeaders> {
  let seen: IncomingHttpHeaders = {};
  const server = createServer((req, res) => {
    seen = req.headers;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await fetch(`http://127.0.0.1:${port}/api/v1/usage/events`, { method: "POST", headers, body: "{}" });
  await new Promise((resolve) => server.close(resolve));
  return seen;
}

async function secretBearingObjects() {
  const secrets: string[] = [];
  const secret = (what: string) => {
    const value = fresh(what);
    secrets.push(value);
    return value;
  };
  const signIn = { email: "admin@opus.example", password: secret("sign-in-pass"), rememberMe: true };
  const signup: CreateSignupInput = {
    name: "Rosa",
    email: "rosa@example.com",
    password: secret("signup-pass"),
    legalName: "Banco Sigilo SA",
    cnpj: "11222333000181",
  };
  const changePassword = { currentPassword: secret("current-pass"), newPassword: secret("new-pass"), revokeOtherSessions: true };
  const acceptance: AcceptInvitationInput = { token: secret("invite-token"), name: "Nina", password: secret("invite-pass") };
  const issued = newApiKey();
  secrets.push(issued.key);
  const created = { id: "key_1", name: "usage", prefix: issued.prefix, environmentId: null, createdAt: new Date(), key: issued.key };
  const enrolment = { totpURI: `otpauth://totp/Opus:rosa?secret=${secret("TOTPURI")}`, backupCodes: [secret("backup-code")] };
  const demo = { email: "rosa@example.com", name: "Rosa", totpSecret: secret("TOTPSECRET") };
  const bearer = secret("machine-key");
  const cookie = secret("session-cookie");
  const headers = await realRequestHeaders({
    authorization: `Bearer ${bearer}`,
    cookie: `better-auth.session_token=${cookie}`,
    "content-type": "application/json",
  });
  const setCookie = secret("set-cookie");
  const response = { statusCode: 200, headers: { "set-cookie": [`better-auth.session_token=${setCookie}; HttpOnly`] } };
  const kubeToken = secret("kube-token");
  const credentials: ManagedCredentials = {
    kubeconfig: `apiVersion: v1\nkind: Config\nusers:\n  - name: opus\n    user:\n      token: ${kubeToken}`,
    gateway: { domain: "of.sigilo.example", namespace: "kong" },
    database: {
      host: "pg",
      port: 5432,
      adminUser: "opus",
      adminPassword: secret("managed-db-pass"),
      sslMode: "require",
      cidr: "10.9.0.0/24",
    },
    queue: {
      kind: "rabbitmq",
      endpoint: "https://mq:15671",
      adminUser: "opus",
      adminPassword: secret("managed-mq-pass"),
      host: "mq",
      port: 5671,
      cidr: "10.9.1.0/24",
    },
  };
  const spec: TenantEnvironmentSpec = {
    tenant: { id: "t1", slug: "sigilo", legalName: "Banco Sigilo SA" },
    environment: { id: "e1", kind: "PRODUCTION" },
    mode: "MANAGED",
    planSize: "SMALL",
    release: { version: "1.0.0", chart: "opus-platform", repository: "oci://charts" },
    target: {
      cluster: "sigilo-eks",
      kubeconfig: `token: ${secret("spec-kube-token")}`,
      gatewayDomain: "of.sigilo.example",
      gatewayNamespace: "kong",
    },
    database: { host: "pg", port: 5432, adminUser: "opus", adminPassword: secret("spec-db-pass"), sslMode: "require", cidr: "10.9.0.0/24" },
    queue: {
      kind: "rabbitmq",
      endpoint: "https://mq:15671",
      adminUser: "opus",
      adminPassword: secret("spec-mq-pass"),
      host: "mq",
      port: 5671,
      cidr: "10.9.1.0/24",
    },
  };
  const wizardStep = { mode: "MANAGED", credentialsSource: "STORED", cloudProvider: "AWS", credentials };

  // Each entry: the object passed to log.info, in a shape the code base logs objects in.
  const logged: Record<string, object> = {
    "sign-in body": signIn,
    "sign-in body as { body }": { body: signIn },
    "sign-up input as { input }": { input: signup },
    "password change as { body }": { body: changePassword },
    "invitation acceptance": acceptance,
    "invitation acceptance as { input }": { input: acceptance },
    "created API key": created,
    "created API key as { result }": { result: created },
    "request headers": headers,
    "request headers as { headers }": { headers },
    "request as { req: { headers } }": { req: { method: "POST", url: "/api/v1/usage/events", headers } },
    "response as { res: { headers } }": { res: response },
    "two-factor enrolment as { result }": { result: enrolment },
    "demo account as { account }": { account: demo },
    "wizard step data": wizardStep,
    "wizard step as { input }": { input: wizardStep },
    "credentials as { target }": { target: spec.target },
    "credentials' database as { database }": { database: credentials.database },
    "tenant spec": spec,
    "tenant spec as { spec }": { spec },
    "decrypted credentials": credentials,
  };
  return { logged, secrets, kept: ["admin@opus.example", "Banco Sigilo SA", "sigilo-eks", "application/json", issued.prefix] };
}

function capture(paths: readonly string[]) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: createLogger("info", "redaction-paths-test", sink, paths), lines };
}

it("masks every secret of the objects that carry them, and keeps what is not secret", async () => {
  const { logged, secrets, kept } = await secretBearingObjects();
  const { log, lines } = capture(REDACT_PATHS);
  for (const [what, object] of Object.entries(logged)) log.info(object, what);
  expect(lines).toHaveLength(Object.keys(logged).length);
  const leaks = secrets.flatMap((secret) =>
    lines.filter((line) => line.includes(secret)).map((line) => `${secret}: ${line.slice(0, 160)}`),
  );
  expect(leaks).toEqual([]);
  for (const line of lines) expect(line).toContain("[Redacted]");
  // Redaction masks fields, not whole lines: what identifies the request or the tenant stays readable.
  const text = lines.join("\n");
  for (const value of kept) expect(text).toContain(value);
});

it("each redaction path is needed: without it, a secret of a real object reaches the log", async () => {
  const { logged, secrets } = await secretBearingObjects();
  const unneeded = REDACT_PATHS.filter((path) => {
    const { log, lines } = capture(REDACT_PATHS.filter((p) => p !== path));
    for (const [what, object] of Object.entries(logged)) log.info(object, what);
    return !secrets.some((secret) => lines.some((line) => line.includes(secret)));
  });
  expect(unneeded).toEqual([]);
});
