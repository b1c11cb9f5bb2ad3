// An agent replica shutting down past its grace hands its runs back at once (/api/v1/agent/release)
// instead of leaving them to wait out the lease: only runs still RUNNING under that replica's own
// lease, each handed back once however many calls race, audited, and taken over by the next claim.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueue, must } from "../provisioning/support/fixtures.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createAgentKey, createAgentTenant } from "./support/agent-harness.ts";

// Far longer than the test: a takeover here can only come from the hand-back, never from the lease.
const LEASE_MS = 10 * 60_000;
let services: TestServices;
let api: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  services = await createTestServices({ agentLeaseMs: LEASE_MS });
  api = await startTestServer(services);
});
afterAll(async () => {
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
  return claim ? (JSON.parse(claim.payload) as { reclaimed: boolean; operation: { id: string } }) : null;
}

async function release(key: string, agentId: string) {
  const answer = await post(key, "release", { agentId });
  expect(answer.status).toBe(200);
  return ((await answer.json()) as { released: number }).released;
}

const handBacks = (operationId: string) =>
  services.db.auditEvent.findMany({ where: { action: "environment.operation_handed_back", targetId: operationId } });

describe("an agent's hand-back on shutdown", () => {
  it("hands the run back once under concurrent calls, audited, and another replica takes it over at once", async () => {
    const tenant = await createAgentTenant(services.db);
    const { key } = await createAgentKey(services, tenant.id);
    const op = await enqueue(services, tenant.env.id, "UP");
    expect((await claimAs(key, "replica-1"))?.operation.id).toBe(op.id);
    const claimed = await services.db.operation.findUniqueOrThrow({ where: { id: op.id } });
    expect(claimed).toMatchObject({ status: "RUNNING", lockedBy: `agent:${tenant.id}:replica-1` });

    // Six calls at once (a retried shutdown, a second signal): one hands the run back, the rest find nothing.
    const released = await Promise.all(Array.from({ length: 6 }, () => release(key, "replica-1")));
    expect(released.reduce((a, b) => a + b, 0)).toBe(1);
    const handedBack = await services.db.operation.findUniqueOrThrow({ where: { id: op.id } });
    // Still RUNNING (the stack stays locked for the repair), without an owner; the attempt stays spent.
    expect(handedBack).toMatchObject({ status: "RUNNING", lockedBy: null, heartbeatAt: null, attempt: claimed.attempt });
    const events = await handBacks(op.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      institutionId: tenant.id,
      targetType: "operation",
      data: { kind: "UP", environmentId: tenant.env.id, workerId: `agent:${tenant.id}:replica-1` },
    });

    // Long before the lease would run out, the next claim takes it over.
    const takeover = must(await claimAs(key, "replica-2"), "a takeover");
    expect(takeover).toMatchObject({ reclaimed: true, operation: { id: op.id } });
    expect(await services.db.operation.findUniqueOrThrow({ where: { id: op.id } })).toMatchObject({
      lockedBy: `agent:${tenant.id}:replica-2`,
      attempt: claimed.attempt + 1,
    });

    // The replica that let go is fenced out: its late hand-back changes nothing, its heartbeat is refused.
    expect(await release(key, "replica-1")).toBe(0);
    expect((await post(key, "heartbeat", { agentId: "replica-1", operationId: op.id })).status).toBe(409);
    expect(await services.db.operation.findUniqueOrThrow({ where: { id: op.id } })).toMatchObject({
      lockedBy: `agent:${tenant.id}:replica-2`,
    });
    expect(await handBacks(op.id)).toHaveLength(1);
  });

  it("never hands back another institution's run, even under the same replica name, and refuses bad input", async () => {
    const owner = await createAgentTenant(services.db);
    const other = await createAgentTenant(services.db);
    const ownerKey = (await createAgentKey(services, owner.id)).key;
    const otherKey = (await createAgentKey(services, other.id)).key;
    const op = await enqueue(services, owner.env.id, "UP");
    expect((await claimAs(ownerKey, "pod-a"))?.operation.id).toBe(op.id);

    expect(await release(otherKey, "pod-a")).toBe(0);
    expect((await post(ownerKey, "release", {})).status).toBe(400);
    expect((await post(ownerKey, "release", { agentId: "pod a; drop" })).status).toBe(400);
    expect(await services.db.operation.findUniqueOrThrow({ where: { id: op.id } })).toMatchObject({
      status: "RUNNING",
      lockedBy: `agent:${owner.id}:pod-a`,
    });
    expect(await handBacks(op.id)).toHaveLength(0);
  });
});
