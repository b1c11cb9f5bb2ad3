// A self-managed installation's report-only agent keeps its last contact by the heartbeats it
// forwards: the real agent process, over loopback, refreshes it; the same throttle as a managed
// account's claims holds (set clock, through the agent's own control-plane client); a heartbeat
// the installation posts itself, or one refused, leaves the agent's contact alone.
import { AGENT_CONTACT_REFRESH_MS, agentContactState } from "@opus/rules/agent-contact";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createControlPlaneClient } from "../../src/agent/control-plane-client.ts";
import { AGENT_VERSION } from "../../src/agent/run-agent-process.ts";
import { createLogger } from "../../src/logger.ts";
import { createTenant, waitFor } from "../provisioning/support/fixtures.ts";
import { callerFor } from "../support/callers.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { type AgentProcess, effectsFile, startAgent } from "./support/agent-harness.ts";

let services: TestServices;
let api: Awaited<ReturnType<typeof startTestServer>>;
const agents: AgentProcess[] = [];
beforeAll(async () => {
  services = await createTestServices();
  api = await startTestServer(services);
});
afterAll(async () => {
  services.clock.set(null);
  await Promise.all(agents.map((a) => a.kill()));
  await api.close();
  await services.cleanup();
});

const beat = {
  release: "7.2.0",
  chartVersion: "7.2.0",
  kubernetesVersion: "v1.29.3",
  components: [{ name: "consent", status: "healthy" }],
};

/** A self-managed tenant and its environment's installation key, as an install bundle carries it. */
async function installation() {
  const tenant = await createTenant(services.db, { mode: "SELF_MANAGED" });
  const admin = await callerFor(services, "admin@opus.example");
  const { key } = await admin.apiKeys.create({ institutionId: tenant.id, name: "installation", environmentId: tenant.env.id });
  return { tenant, key };
}

const contact = (environmentId: string) =>
  services.db.environment.findUniqueOrThrow({
    where: { id: environmentId },
    select: { agentSeenAt: true, agentVersion: true, lastHeartbeatAt: true },
  });

/** The agent's own client: the User-Agent it sends is the one the API reads. */
const agentClient = (key: string, version: string) =>
  createControlPlaneClient({ baseUrl: api.base, key, version, log: createLogger("silent", "test") });

describe("the report-only agent's last contact", () => {
  it("is refreshed by the heartbeats the real agent process forwards", async () => {
    const { tenant, key } = await installation();
    const port = 19_500 + (process.pid % 400);
    const agent = startAgent({
      controlPlaneUrl: api.base,
      key,
      publicKey: "",
      institutionId: "",
      agentId: "reporter",
      effectsFile: effectsFile(),
      reportPort: port,
    });
    agents.push(agent);
    await waitFor(async () => agent.output().includes("agent started (report-only)"), 30_000);
    expect((await contact(tenant.env.id)).agentSeenAt).toBeNull();
    const posted = await fetch(`http://127.0.0.1:${port}/api/v1/heartbeat`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(beat),
    });
    expect(posted.status).toBe(202);
    const seen = await waitFor(async () => (await contact(tenant.env.id)).agentSeenAt, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${agent.output()}`);
    });
    const stored = await contact(tenant.env.id);
    expect(stored.agentVersion).toBe(AGENT_VERSION);
    expect(stored.lastHeartbeatAt).toEqual(seen);
    expect(agentContactState(seen, new Date())).toBe("live");
    await agent.stop();
  }, 60_000);

  it("is written on the first heartbeat, left within the throttle, rewritten after it or on a new version", async () => {
    const { tenant, key } = await installation();
    const start = new Date("2026-12-04T12:00:00.000Z");
    const at = (ms: number) => {
      const when = new Date(start.getTime() + ms);
      services.clock.set(when);
      return when;
    };
    const send = async (version: string) => expect((await agentClient(key, version).post("/api/v1/heartbeat", beat)).status).toBe(200);

    at(0);
    await send("1.0.0");
    expect(await contact(tenant.env.id)).toEqual({ agentSeenAt: start, agentVersion: "1.0.0", lastHeartbeatAt: start });

    // Inside the throttle: the heartbeat is recorded, the agent's contact is not rewritten.
    const inside = at(AGENT_CONTACT_REFRESH_MS - 1_000);
    await send("1.0.0");
    expect(await contact(tenant.env.id)).toEqual({ agentSeenAt: start, agentVersion: "1.0.0", lastHeartbeatAt: inside });

    // An upgrade shows at once.
    const upgraded = at(AGENT_CONTACT_REFRESH_MS - 500);
    await send("1.1.0");
    expect(await contact(tenant.env.id)).toMatchObject({ agentSeenAt: upgraded, agentVersion: "1.1.0" });

    // Past the throttle: written again, and the agent is in contact by the page's rule.
    const later = at(AGENT_CONTACT_REFRESH_MS - 500 + AGENT_CONTACT_REFRESH_MS + 1);
    await send("1.1.0");
    expect((await contact(tenant.env.id)).agentSeenAt).toEqual(later);
    expect(agentContactState(later, services.clock.now())).toBe("live");
    services.clock.set(null);
  });

  it("is left alone by a heartbeat the installation posts itself, and by one refused", async () => {
    const { tenant, key } = await installation();
    const direct = await fetch(`${api.base}/api/v1/heartbeat`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${key}`, "user-agent": "opus-platform/7.2.0" },
      body: JSON.stringify(beat),
    });
    expect(direct.status).toBe(200);
    const afterDirect = await contact(tenant.env.id);
    expect(afterDirect.lastHeartbeatAt).not.toBeNull();
    expect(afterDirect).toMatchObject({ agentSeenAt: null, agentVersion: null });

    // Refused: a clear 400, and neither the heartbeat nor the agent's contact moves.
    const refused = await agentClient(key, "1.0.0").post("/api/v1/heartbeat", { ...beat, kubernetesVersion: "latest" });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain("Kubernetes version");
    expect(await contact(tenant.env.id)).toEqual(afterDirect);

    // A version too long to show is no agent's: the heartbeat counts, the contact is not written.
    expect((await agentClient(key, "x".repeat(51)).post("/api/v1/heartbeat", beat)).status).toBe(200);
    expect(await contact(tenant.env.id)).toMatchObject({ agentSeenAt: null, agentVersion: null });
  });

  it("holds under many identical concurrent heartbeats from the agent", async () => {
    const { tenant, key } = await installation();
    const now = new Date("2026-12-04T13:00:00.000Z");
    services.clock.set(now);
    const client = agentClient(key, "1.0.0");
    const answers = await Promise.all(Array.from({ length: 12 }, () => client.post("/api/v1/heartbeat", beat)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
    expect(await contact(tenant.env.id)).toEqual({ agentSeenAt: now, agentVersion: "1.0.0", lastHeartbeatAt: now });
    services.clock.set(null);
  });
});
