// An agent replica that stops heartbeating loses its run after the lease: the next claimer takes it
// over (reclaimed), and the late replica's heartbeat, log lines and result are fenced out with a
// clear 409, the run left as the new owner has it. Over real HTTP, with a set clock for the lease.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue } from "../provisioning/support/fixtures.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createAgentKey, createAgentTenant } from "./support/agent-harness.ts";

const LEASE_MS = 60_000;
let services: TestServices;
let api: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  services = await createTestServices({ agentLeaseMs: LEASE_MS });
  api = await startTestServer(services);
});
afterAll(async () => {
  services.clock.set(null);
  await api.close();
  await services.cleanup();
});

const post = (key: string, route: string, body: unknown) =>
  fetch(`${api.base}/api/v1/agent/${route}`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

async function claimAs(key: string, agentId: string) {
  const answer = await post(key, "claim", { agentId, version: "1.0.0" });
  expect(answer.status).toBe(200);
  const { claim } = (await answer.json()) as { claim: { payload: string } | null };
  return claim ? (JSON.parse(claim.payload) as { reclaimed: boolean; operation: { id: string; attempt: number } }) : null;
}

describe("an agent past its lease", () => {
  it("loses the run to the next claimer, and its late reports are refused", async () => {
    // The set clock starts just after now: the operation is enqueued at the real time, and a fixed
    // date in the past of it would leave the operation not yet claimable.
    const start = new Date(Date.now() + 1000);
    const at = (ms: number) => services.clock.set(new Date(start.getTime() + ms));
    const tenant = await createAgentTenant(services.db);
    const { key } = await createAgentKey(services, tenant.id);
    const op = await enqueue(services, tenant.env.id, "UP");

    at(0);
    const first = await claimAs(key, "replica-1");
    expect(first?.operation.id).toBe(op.id);
    at(20_000);
    expect((await post(key, "heartbeat", { agentId: "replica-1", operationId: op.id })).status).toBe(200);

    // replica-1 goes quiet. Up to the lease from its last heartbeat, the run stays its own.
    at(20_000 + LEASE_MS);
    expect(await claimAs(key, "replica-2")).toBeNull();
    // Past it, the next claim takes the run over, as a reclaim, with a new attempt.
    at(20_000 + LEASE_MS + 1);
    const second = await claimAs(key, "replica-2");
    expect(second).toMatchObject({ reclaimed: true, operation: { id: op.id } });
    expect(second?.operation.attempt).toBeGreaterThan(first?.operation.attempt ?? 0);
    const taken = await services.db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(taken).toMatchObject({ status: "RUNNING", lockedBy: `agent:${tenant.id}:replica-2` });

    // replica-1 comes back and reports: every write is fenced, with the reason said.
    const late = [
      await post(key, "heartbeat", { agentId: "replica-1", operationId: op.id }),
      await post(key, "logs", { agentId: "replica-1", operationId: op.id, lines: ["late line from replica-1"] }),
      await post(key, "finish", {
        agentId: "replica-1",
        operationId: op.id,
        outcome: { type: "succeeded", summary: { create: 1 }, outputs: {} },
      }),
    ];
    for (const answer of late) {
      expect(answer.status).toBe(409);
      expect(JSON.stringify(await answer.json())).toContain("no longer holds the operation's lease");
    }
    // Nothing of it landed: the run is replica-2's, still running, without the late line.
    const after = await services.db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(after).toMatchObject({ status: "RUNNING", lockedBy: `agent:${tenant.id}:replica-2`, finishedAt: null });
    expect(await services.db.operationLog.count({ where: { operationId: op.id, line: "late line from replica-1" } })).toBe(0);
    // The new owner's heartbeat still holds.
    expect((await post(key, "heartbeat", { agentId: "replica-2", operationId: op.id })).status).toBe(200);
  });
});
