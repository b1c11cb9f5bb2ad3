// The agent's image runs the output of `build:agent` (docker/agent.Dockerfile). This builds it, as
// the image does, and starts that output as the agent, against the real API over loopback: in run
// mode it claims its institution's operation and reports the real Pulumi engine's verdict (no CLI
// here, so the engine's own `engine-missing` message, verbatim and not retried); in report-only
// mode it forwards an installation's usage events. The other agent tests run the same runtime from
// source with an engine double; this one proves the bundle is that runtime, and loads the engine.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildAgent } from "../../scripts/build-agent.ts";
import { enqueue, operation, waitFor } from "../provisioning/support/fixtures.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { apiCall, createKey } from "../usage/usage-support.ts";
import { type AgentProcess, countedEvents, createAgentKey, createAgentTenant, effectsFile, startAgent } from "./support/agent-harness.ts";

let services: TestServices;
let api: Awaited<ReturnType<typeof startTestServer>>;
const bundleDir = path.join(mkdtempSync(path.join(tmpdir(), "opus-agent-bundle-")), "agent");
const entry = path.join(bundleDir, "agent.js");
const agents: AgentProcess[] = [];

beforeAll(async () => {
  services = await createTestServices({ agentLeaseMs: 3_000 });
  api = await startTestServer(services);
  await buildAgent(bundleDir);
}, 120_000);
afterAll(async () => {
  await Promise.all(agents.map((a) => a.kill()));
  await api.close();
  await services.cleanup();
  // About 120 MB of Pulumi SDKs.
  rmSync(path.dirname(bundleDir), { recursive: true, force: true });
});

function start(options: Omit<Parameters<typeof startAgent>[0], "controlPlaneUrl" | "effectsFile" | "entry">) {
  const agent = startAgent({ ...options, controlPlaneUrl: api.base, effectsFile: effectsFile(), entry });
  agents.push(agent);
  return agent;
}

describe("the built agent (dist/agent of build:agent)", () => {
  it("holds the bundle and the Pulumi SDKs, and neither tsx, the database client nor the API server", () => {
    const modules = readdirSync(path.join(bundleDir, "node_modules/.pnpm"));
    for (const sdk of ["@pulumi+pulumi@", "@pulumi+kubernetes@", "@pulumi+postgresql@", "@pulumi+rabbitmq@", "@pulumi+random@"]) {
      expect(
        modules.some((m) => m.startsWith(sdk)),
        sdk,
      ).toBe(true);
    }
    for (const absent of ["tsx@", "@prisma+", "prisma@", "pg@", "better-auth@", "@trpc+", "next@"]) {
      expect(
        modules.filter((m) => m.startsWith(absent)),
        absent,
      ).toEqual([]);
    }
    const code = readdirSync(bundleDir)
      .filter((file) => file.endsWith(".js"))
      .map((file) => readFileSync(path.join(bundleDir, file), "utf8"))
      .join("\n");
    // Source paths survive in esbuild's module comments: none of the database queue or the routes.
    expect(code).toContain("src/agent/run-agent-process.ts");
    expect(code).toContain("packages/provisioner/src/tenant-program.ts");
    for (const absent of ["packages/db/src/", "src/provisioning/db-transport.ts", "src/trpc/", "src/http/"]) {
      expect(code, absent).not.toContain(absent);
    }
    expect(existsSync(path.join(bundleDir, "src"))).toBe(false);
  });

  it("claims its institution's operation and finishes it with the real engine's verdict, verbatim and not retried", async () => {
    const tenant = await createAgentTenant(services.db);
    const key = await createAgentKey(services, tenant.id);
    const op = await enqueue(services, tenant.env.id, "UP");
    // Where the image keeps the CLI (PULUMI_CLI_ROOT); nothing is installed there on this machine.
    const cliRoot = mkdtempSync(path.join(tmpdir(), "opus-no-pulumi-"));
    const agent = start({
      key: key.key,
      publicKey: services.agentQueue.signer.publicKey,
      institutionId: tenant.id,
      agentId: "bundled-1",
      env: { PULUMI_CLI_ROOT: cliRoot, PULUMI_CONFIG_PASSPHRASE: "bundle-test-passphrase" },
    });
    const done = await waitFor(
      async () => ((await operation(services, op.id)).finishedAt ? operation(services, op.id) : null),
      60_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${agent.output()}`);
    });
    const missing = `The Pulumi CLI was not found at ${cliRoot}/bin/pulumi.`;
    expect(done).toMatchObject({ status: "FAILED", attempt: 1, lockedBy: `agent:${tenant.id}:bundled-1` });
    expect(done.error).toContain(missing);
    const lines = (await services.db.operationLog.findMany({ where: { operationId: op.id }, orderBy: { id: "asc" } })).map((l) => l.line);
    expect(lines.join("\n")).toContain(missing);
    // The engine module and the tenant program's SDKs loaded from the bundle's node_modules: only the CLI is missing.
    expect(agent.output()).toContain("Pulumi CLI not available");
    expect(agent.output()).not.toContain("could not be loaded");
    expect(await services.db.managedAccount.findUniqueOrThrow({ where: { institutionId: tenant.id } })).toMatchObject({
      agentVersion: "1.0.0",
    });
    await agent.stop();
    expect(agent.child.exitCode).toBe(0);
  }, 90_000);

  it("in report-only mode forwards an installation's usage events, counted once", async () => {
    services.clock.set(new Date("2026-12-05T16:00:00Z"));
    const { key, institutionId } = await createKey(services, "ana@aurora.example", "banco-aurora");
    const port = 19_500 + (process.pid % 400);
    const agent = start({ key, publicKey: "", institutionId: "", agentId: "bundled-reporter", reportPort: port });
    await waitFor(async () => agent.output().includes("agent started (report-only)"), 30_000);
    const post = () =>
      fetch(`http://127.0.0.1:${port}/api/v1/usage/events`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ events: [apiCall("bundle-1"), apiCall("bundle-2")] }),
      });
    expect((await post()).status).toBe(202);
    expect((await post()).status).toBe(202);
    const count = () => countedEvents(services.db, institutionId, "bundle-");
    await waitFor(async () => (await count()) === 2, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${agent.output()}`);
    });
    await agent.stop();
  }, 60_000);
});
