// What the agent tests run on: the real API over loopback, a proxy between it and the agents (to cut
// the link, or to forge and replay what the control plane says), managed tenants whose credentials
// stay with their agent, agent keys made through the API, and real agent processes.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@opus/db/client";
import { createTenant } from "../../provisioning/support/fixtures.ts";
import { callerFor } from "../../support/callers.ts";
import type { TestServices } from "../../support/test-services.ts";

export const AGENT_KUBECONFIG = "apiVersion: v1\nkind: Config\n# customer-secret-kubeconfig-5e1d";

export type ProxyMode = "pass" | "down" | "tamper" | "replay";

/** Forwards to the API; `down` drops every connection, `tamper` edits a claim's signed text, `replay` repeats the first claim. */
export async function startProxy(target: string) {
  let mode: ProxyMode = "pass";
  let recorded: string | null = null;
  const server = createServer((req, res) => {
    if (mode === "down") return req.socket.destroy();
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const isClaim = req.url === "/api/v1/agent/claim";
      if (isClaim && mode === "replay" && recorded) {
        res.writeHead(200, { "content-type": "application/json" });
        return res.end(recorded);
      }
      const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        const body: Buffer[] = [];
        answer.on("data", (c: Buffer) => body.push(c));
        answer.on("end", () => {
          let text = Buffer.concat(body).toString("utf8");
          if (isClaim && answer.statusCode === 200) {
            const parsed = JSON.parse(text) as { claim: { payload: string; signature: string } | null };
            if (parsed.claim && mode === "tamper") {
              // A stack of someone else's, signature unchanged.
              parsed.claim.payload = parsed.claim.payload.replace(/"stackName":"[^"]*"/, '"stackName":"another-bank-production"');
              text = JSON.stringify(parsed);
            }
            if (parsed.claim && mode === "replay") recorded ??= text;
          }
          res.writeHead(answer.statusCode ?? 502, { "content-type": "application/json" });
          res.end(text);
        });
      });
      upstream.on("error", () => res.destroy());
      upstream.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setMode(next: ProxyMode) {
      mode = next;
      if (next !== "replay") recorded = null;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A managed tenant whose account keeps its credentials with its agent, with environments of the kinds given. */
export async function createAgentTenant(db: Db, kinds: ("DEVELOPMENT" | "HOMOLOGATION" | "PRODUCTION")[] = ["PRODUCTION"]) {
  const tenant = await createTenant(db, { mode: "MANAGED", kinds });
  await db.managedAccount.create({
    data: {
      institutionId: tenant.id,
      cloudProvider: "AWS",
      accountRef: "123456789012",
      region: "sa-east-1",
      clusterName: `${tenant.slug}-eks`,
      clusterEndpoint: "https://eks.customer.example",
      // Nothing is stored: the credentials stay in the customer's cluster.
      credentialsCiphertext: "",
      credentialsSource: "AGENT",
    },
  });
  return tenant;
}

export async function createAgentKey(services: TestServices, institutionId: string, name = "agent") {
  const caller = await callerFor(services, "admin@opus.example");
  return caller.apiKeys.create({ institutionId, name, purpose: "AGENT" });
}

export async function revokeKey(services: TestServices, institutionId: string, apiKeyId: string) {
  const caller = await callerFor(services, "admin@opus.example");
  return caller.apiKeys.revoke({ institutionId, apiKeyId });
}

export type AgentProcess = { child: ChildProcess; output(): string; stop(): Promise<void>; kill(): Promise<void> };

export function startAgent(options: {
  controlPlaneUrl: string;
  key: string;
  publicKey: string;
  institutionId: string;
  agentId: string;
  effectsFile: string;
  /** report-only mode and its listener port; state dir to reuse across a restart. */
  reportPort?: number;
  stateDir?: string;
  stepMs?: number;
  steps?: number;
  concurrency?: number;
  /** A built agent (dist/agent/agent.js of `build:agent`) instead of the tests' agent with its engine double. */
  entry?: string;
  env?: Record<string, string>;
}): AgentProcess {
  const dir = mkdtempSync(path.join(tmpdir(), "opus-agent-"));
  const credentialsFile = path.join(dir, "credentials.json");
  writeFileSync(
    credentialsFile,
    JSON.stringify({
      kubeconfig: AGENT_KUBECONFIG,
      gateway: { domain: "gw.customer.example", namespace: "gateway" },
      database: {
        host: "pg.customer.internal",
        port: 5432,
        adminUser: "admin",
        adminPassword: "customer-pg-pass-1b2c",
        sslMode: "require",
        cidr: "10.0.0.0/16",
      },
      queue: {
        kind: "rabbitmq",
        endpoint: "https://mq.customer.internal:15671",
        adminUser: "admin",
        adminPassword: "customer-mq-pass-9d8e",
        host: "mq.customer.internal",
        port: 5671,
        cidr: "10.0.0.0/16",
      },
    }),
  );
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    CONTROL_PLANE_URL: options.controlPlaneUrl,
    AGENT_KEY: options.key,
    CONTROL_PLANE_PUBLIC_KEY: options.publicKey,
    AGENT_INSTITUTION_ID: options.institutionId,
    AGENT_CREDENTIALS_FILE: credentialsFile,
    AGENT_STATE_DIR: options.stateDir ?? path.join(dir, "state"),
    ...(options.reportPort ? { AGENT_MODE: "report-only", AGENT_REPORT_PORT: String(options.reportPort) } : {}),
    AGENT_ID: options.agentId,
    AGENT_CONCURRENCY: String(options.concurrency ?? 1),
    AGENT_HEARTBEAT_MS: "300",
    AGENT_POLL_MS: "100",
    AGENT_ENGINE_STEP_MS: String(options.stepMs ?? 100),
    AGENT_ENGINE_STEPS: String(options.steps ?? 3),
    AGENT_EFFECTS_FILE: options.effectsFile,
    ...options.env,
  };
  // Unset, not empty: report-only mode has no institution or public key.
  for (const [name, value] of Object.entries(env)) if (value === "") delete env[name];
  const args = options.entry
    ? ["--enable-source-maps", options.entry]
    : ["--import", "tsx", path.resolve(import.meta.dirname, "../../support/agent-process.ts")];
  const child = spawn(process.execPath, args, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
    async kill() {
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export function effects(file: string): { stackName: string; kind: string; pid: number; started: number; ended: number }[] {
  try {
    return readFileSync(file, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((line) => JSON.parse(line));
  } catch {
    return [];
  }
}

export function effectsFile(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), "opus-effects-")), "effects.jsonl");
}

/** Usage events the control plane counted for an institution, among those whose ids start with `prefix`. */
export async function countedEvents(db: Db, institutionId: string, prefix: string): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: bigint }[]>(
    "SELECT count(*) AS n FROM usage_event WHERE institution_id = $1 AND event_id LIKE $2",
    institutionId,
    `${prefix}%`,
  );
  return Number(rows[0]?.n ?? 0);
}
