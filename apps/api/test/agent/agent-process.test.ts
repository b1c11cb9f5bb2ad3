// The outbound-only agent, for real: agent processes (src/agent/run-agent-process.ts over the HTTP
// transport) against the real API on loopback and a real database, with the engine double inside
// the agent. Effects are counted in the file the double appends to when a run completes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNext } from "../../src/provisioning/queue.ts";
import { FakeEngine } from "../provisioning/support/fake-engine.ts";
import { createTenant, createTestWorker, enqueue, must, operation, waitFor } from "../provisioning/support/fixtures.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import {
  AGENT_KUBECONFIG,
  type AgentProcess,
  createAgentKey,
  createAgentTenant,
  effects,
  effectsFile,
  revokeKey,
  startAgent,
  startProxy,
} from "./support/agent-harness.ts";

const LEASE_MS = 3_000;
let services: TestServices;
let api: Awaited<ReturnType<typeof startTestServer>>;
let proxy: Awaited<ReturnType<typeof startProxy>>;
const agents: AgentProcess[] = [];

beforeAll(async () => {
  services = await createTestServices({ agentLeaseMs: LEASE_MS });
  api = await startTestServer(services);
  proxy = await startProxy(api.base);
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.kill()));
  await proxy.close();
  await api.close();
  await services.cleanup();
});

function agentFor(institutionId: string, key: string, effectsAt: string, extra: Partial<Parameters<typeof startAgent>[0]> = {}) {
  const agent = startAgent({
    controlPlaneUrl: proxy.url,
    key,
    publicKey: services.agentQueue.signer.publicKey,
    institutionId,
    agentId: `replica-${agents.length + 1}`,
    effectsFile: effectsAt,
    ...extra,
  });
  agents.push(agent);
  return agent;
}

const claim = (key: string) =>
  fetch(`${api.base}/api/v1/agent/claim`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({ agentId: "probe", version: "0" }),
  });

const ended = (id: string) => waitFor(async () => ((await operation(services, id)).finishedAt ? operation(services, id) : null), 30_000);

describe("an agent", () => {
  it("claims, logs and finishes its institution's operations; the control plane's workers never take them", async () => {
    const tenant = await createAgentTenant(services.db);
    const other = await createAgentTenant(services.db);
    const key = await createAgentKey(services, tenant.id);
    const op = await enqueue(services, tenant.env.id, "UP");
    const foreign = await enqueue(services, other.env.id, "UP");
    // A control-plane worker finds nothing: both are agents' operations.
    expect(await createTestWorker(services, new FakeEngine()).runNext()).toBe(false);

    const file = effectsFile();
    const agent = agentFor(tenant.id, key.key, file);
    const done = await ended(op.id);
    expect(done).toMatchObject({ status: "SUCCEEDED", attempt: 1, error: null, outputs: { namespace: tenant.env.stackName } });
    expect(done.lockedBy).toBe(`agent:${tenant.id}:replica-${agents.indexOf(agent) + 1}`);
    const lines = (await services.db.operationLog.findMany({ where: { operationId: op.id }, orderBy: { id: "asc" } })).map((l) => l.line);
    expect(lines).toContain("  step 3 of 3 (up)");
    expect(lines.at(-1)).toBe("[control-plane] succeeded");
    // The credentials never leave the agent: the line that printed the kubeconfig arrives redacted.
    expect(lines.join("\n")).not.toContain(AGENT_KUBECONFIG);
    expect(await services.db.environment.findUniqueOrThrow({ where: { id: tenant.env.id } })).toMatchObject({
      status: "ACTIVE",
      cluster: `${tenant.slug}-eks`,
    });
    expect(effects(file)).toHaveLength(1);
    // Another institution's stack is never claimed by this agent, however often it polls.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await operation(services, foreign.id)).toMatchObject({ status: "QUEUED", attempt: 0 });
    expect(await services.db.managedAccount.findUniqueOrThrow({ where: { institutionId: tenant.id } })).toMatchObject({
      agentVersion: "1.0.0",
    });
    await agent.stop();
  });

  it("refuses a key of the wrong kind (403) and a revoked one at once (401); two keys work while rotating", async () => {
    const tenant = await createAgentTenant(services.db);
    const first = await createAgentKey(services, tenant.id, "first");
    const second = await createAgentKey(services, tenant.id, "second");
    expect((await claim(first.key)).status).toBe(200);
    expect((await claim(second.key)).status).toBe(200);
    await revokeKey(services, tenant.id, first.id);
    expect((await claim(first.key)).status).toBe(401);
    expect((await claim(second.key)).status).toBe(200);

    const saas = await createTenant(services.db);
    const caller = await (await import("../support/callers.ts")).callerFor(services, "admin@opus.example");
    const usageKey = await caller.apiKeys.create({ institutionId: saas.id, name: "usage" });
    expect((await claim(usageKey.key)).status).toBe(403);
    // No agent key where the account's credentials are stored with the control plane.
    await expect(caller.apiKeys.create({ institutionId: saas.id, name: "agent", purpose: "AGENT" })).rejects.toThrow(/agent/);

    // A running agent whose key is revoked stops claiming at once.
    const file = effectsFile();
    const agent = agentFor(tenant.id, second.key, file);
    await waitFor(async () => agent.output().includes("agent started"), 30_000);
    await revokeKey(services, tenant.id, second.id);
    // Its very next claim is refused (one already past authentication may still complete).
    await waitFor(async () => agent.output().includes("This API key was revoked."), 15_000);
    const op = await enqueue(services, tenant.env.id, "UP");
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await operation(services, op.id)).toMatchObject({ status: "QUEUED", attempt: 0 });
    expect(effects(file)).toHaveLength(0);
    await agent.stop();
  });

  it("refuses a forged operation and a replayed one, and runs each operation once", async () => {
    const tenant = await createAgentTenant(services.db);
    const key = await createAgentKey(services, tenant.id);
    const file = effectsFile();
    const op = await enqueue(services, tenant.env.id, "UP");

    proxy.setMode("tamper");
    const agent = agentFor(tenant.id, key.key, file);
    await waitFor(async () => agent.output().includes("the signature is not the control plane's"), 15_000);
    expect(effects(file)).toHaveLength(0);

    // The link is honest again: after the lease of the refused claim, the agent takes it over and runs it.
    proxy.setMode("replay");
    expect((await ended(op.id)).status).toBe("SUCCEEDED");
    // Every later claim is the first one again: refused as a replay, nothing runs twice.
    await waitFor(async () => agent.output().includes("its nonce was seen before: a replay"), 15_000);
    expect(effects(file)).toHaveLength(1);
    proxy.setMode("pass");
    await agent.stop();
  });

  it("killed mid-run, is replaced by a second replica after the lease, which repairs the stack first", async () => {
    const tenant = await createAgentTenant(services.db);
    const key = await createAgentKey(services, tenant.id);
    const file = effectsFile();
    const op = await enqueue(services, tenant.env.id, "UP");
    const first = agentFor(tenant.id, key.key, file, { stepMs: 400, steps: 60 });
    await waitFor(
      async () => (await services.db.operationLog.count({ where: { operationId: op.id, line: { contains: "step 1" } } })) > 0,
      30_000,
    );
    // A second replica on standby, as a deployment of two would have.
    const second = agentFor(tenant.id, key.key, file, { stepMs: 100, steps: 3 });
    await waitFor(async () => second.output().includes("agent started"), 30_000);
    const killedAt = Date.now();
    await first.kill();
    const done = await ended(op.id);
    const takeoverMs = Date.now() - killedAt;
    expect(done).toMatchObject({ status: "SUCCEEDED", attempt: 2 });
    const lines = (await services.db.operationLog.findMany({ where: { operationId: op.id }, orderBy: { id: "asc" } })).map((l) => l.line);
    expect(lines).toContain("repaired: pending operations cleared");
    expect(effects(file)).toHaveLength(1);

    // The database queue's figure, same lease, poll and engine pace: a worker that claimed and vanished.
    const saas = await createTenant(services.db);
    const dbOp = await enqueue(services, saas.env.id, "UP");
    expect(await claimNext(services.db, "vanished-worker", new Date())).toEqual({ id: dbOp.id, reclaimed: false });
    const vanishedAt = Date.now();
    const engine = new FakeEngine();
    engine.script = async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { summary: { create: 4 }, outputs: {} };
    };
    const survivor = createTestWorker(services, engine, { leaseMs: LEASE_MS, pollMs: 100, heartbeatMs: 300 });
    survivor.start();
    expect((await ended(dbOp.id)).status).toBe("SUCCEEDED");
    const dbTakeoverMs = Date.now() - vanishedAt;
    await survivor.stop();
    console.log(
      `SIGKILL mid-run, lease ${LEASE_MS} ms, poll 100 ms, 300 ms left to run: agent replaced and finished ${takeoverMs} ms after the kill · ` +
        `database worker ${dbTakeoverMs} ms (agent/database ${(takeoverMs / dbTakeoverMs).toFixed(2)}×)`,
    );
  });

  it("stopped with SIGTERM mid-run, hands the run back at once: the standby replica repairs and finishes it before the lease", async () => {
    const tenant = await createAgentTenant(services.db);
    const key = await createAgentKey(services, tenant.id);
    const file = effectsFile();
    const op = await enqueue(services, tenant.env.id, "UP");
    const first = agentFor(tenant.id, key.key, file, { stepMs: 400, steps: 60 });
    await waitFor(
      async () => (await services.db.operationLog.count({ where: { operationId: op.id, line: { contains: "step 1" } } })) > 0,
      30_000,
    );
    const second = agentFor(tenant.id, key.key, file, { stepMs: 100, steps: 3 });
    await waitFor(async () => second.output().includes("agent started"), 30_000);
    await first.stop();
    const stoppedAt = Date.now();
    const done = await ended(op.id);
    // Taken over without waiting for the lease, and a hand-back is not counted as an attempt.
    expect(Date.now() - stoppedAt).toBeLessThan(LEASE_MS);
    expect(done).toMatchObject({ status: "SUCCEEDED", attempt: 1 });
    const lines = (await services.db.operationLog.findMany({ where: { operationId: op.id }, orderBy: { id: "asc" } })).map((l) => l.line);
    expect(lines.some((l) => l.includes("is shutting down; another worker will repair the stack and continue"))).toBe(true);
    expect(lines).toContain("repaired: pending operations cleared");
    expect(effects(file)).toHaveLength(1);
  });

  it("cut off from the control plane, finishes its run and reports it when the link returns, without running it twice", async () => {
    const tenant = await createAgentTenant(services.db);
    const key = await createAgentKey(services, tenant.id);
    const file = effectsFile();
    const op = await enqueue(services, tenant.env.id, "UP");
    const agent = agentFor(tenant.id, key.key, file, { stepMs: 300, steps: 8 });
    await waitFor(async () => (await services.db.operationLog.count({ where: { operationId: op.id, line: { contains: "step 1" } } })) > 0);
    proxy.setMode("down");
    // The run completes while the link is down, and longer than a lease passes.
    await waitFor(async () => effects(file).length === 1, 20_000);
    await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 500));
    expect(await operation(services, op.id)).toMatchObject({ status: "RUNNING" });
    proxy.setMode("pass");
    const done = await ended(op.id);
    expect(done).toMatchObject({ status: "SUCCEEDED", attempt: 1 });
    const lines = (await services.db.operationLog.findMany({ where: { operationId: op.id }, orderBy: { id: "asc" } })).map((l) => l.line);
    expect(lines.filter((l) => l.includes("step 8 of 8"))).toHaveLength(1);
    expect(effects(file)).toHaveLength(1);
    await agent.stop();
  });

  it("N agents × M operations: each runs exactly once, one per stack at a time (figures beside the database queue)", async () => {
    const kinds = ["DEVELOPMENT", "HOMOLOGATION", "PRODUCTION"] as const;
    const tenant = await createAgentTenant(services.db, [...kinds]);
    const key = await createAgentKey(services, tenant.id);
    const saas = await createTenant(services.db, { kinds: [...kinds] });
    const M = 12;
    const seed = async (institution: typeof tenant, prefix: string) => {
      for (let i = 0; i < M; i++) {
        const env = must(institution.environments[i % kinds.length]);
        await services.db.operation.create({
          data: { environmentId: env.id, stackName: env.stackName, kind: "PREVIEW", idempotencyKey: `${prefix}-${institution.id}-${i}` },
        });
      }
    };
    const file = effectsFile();
    const replicas = [0, 1, 2].map(() => agentFor(tenant.id, key.key, file, { stepMs: 50, steps: 2 }));
    await waitFor(async () => replicas.every((r) => r.output().includes("agent started")), 30_000);
    const started = Date.now();
    await seed(tenant, "agents");
    await waitFor(
      async () =>
        (await services.db.operation.count({ where: { environment: { institutionId: tenant.id }, finishedAt: { not: null } } })) === M,
      60_000,
    );
    const agentSeconds = (Date.now() - started) / 1000;
    const runs = effects(file);
    expect(runs).toHaveLength(M);
    for (const env of tenant.environments) {
      const ofStack = runs.filter((r) => r.stackName === env.stackName).sort((a, b) => a.started - b.started);
      expect(ofStack).toHaveLength(M / kinds.length);
      for (let i = 1; i < ofStack.length; i++) expect(must(ofStack[i]).started).toBeGreaterThanOrEqual(must(ofStack[i - 1]).ended);
    }
    const ops = await services.db.operation.findMany({ where: { environment: { institutionId: tenant.id } } });
    expect(ops.every((o) => o.status === "SUCCEEDED" && o.attempt === 1)).toBe(true);

    // The same work for three control-plane workers on the database queue, engine double of the same pace.
    const engine = new FakeEngine();
    engine.script = async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { summary: { create: 4 }, outputs: {} };
    };
    const workers = [0, 1, 2].map(() => createTestWorker(services, engine, { pollMs: 100, heartbeatMs: 300 }));
    for (const w of workers) w.start();
    const dbStarted = Date.now();
    await seed(saas, "workers");
    await waitFor(
      async () =>
        (await services.db.operation.count({ where: { environment: { institutionId: saas.id }, finishedAt: { not: null } } })) === M,
      60_000,
    );
    const dbSeconds = (Date.now() - dbStarted) / 1000;
    await Promise.all(workers.map((w) => w.stop()));
    expect(engine.runs()).toHaveLength(M);
    console.log(
      `concurrency, ${M} operations over 3 stacks, engine 100 ms: 3 agents over HTTP ${(M / agentSeconds).toFixed(1)} ops/s · ` +
        `3 database workers ${(M / dbSeconds).toFixed(1)} ops/s (agents/database ${(dbSeconds / agentSeconds).toFixed(2)}×)`,
    );
  });
});
