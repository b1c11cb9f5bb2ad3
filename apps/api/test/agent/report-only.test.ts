// Report-only mode, for real: the agent process forwards an installation's usage events and
// heartbeats outbound, buffered on disk. Through an outage and a restart of the agent nothing is
// lost and nothing counted twice: resent bodies carry the same event ids.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../provisioning/support/fixtures.ts";
import { startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { apiCall, createKey } from "../usage/usage-support.ts";
import { type AgentProcess, countedEvents, effectsFile, startAgent, startProxy } from "./support/agent-harness.ts";

let services: TestServices;
let api: Awaited<ReturnType<typeof startTestServer>>;
let proxy: Awaited<ReturnType<typeof startProxy>>;
const agents: AgentProcess[] = [];
beforeAll(async () => {
  services = await createTestServices();
  api = await startTestServer(services);
  proxy = await startProxy(api.base);
});
afterAll(async () => {
  await Promise.all(agents.map((a) => a.kill()));
  await proxy.close();
  await api.close();
  await services.cleanup();
});

const port = 19_000 + (process.pid % 1000);
const report = (body: unknown) =>
  fetch(`http://127.0.0.1:${port}/api/v1/usage/events`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("the agent in report-only mode", () => {
  it("buffers reports through an outage and a restart, and the control plane counts each event once", async () => {
    // The events' day (apiCall's timestamps), as the usage tests run it.
    services.clock.set(new Date("2026-12-05T16:00:00Z"));
    const { key, institutionId } = await createKey(services, "ana@aurora.example", "banco-aurora");
    const stateDir = mkdtempSync(path.join(tmpdir(), "opus-report-"));
    const start = () => {
      const agent = startAgent({
        controlPlaneUrl: proxy.url,
        key,
        publicKey: "",
        institutionId: "",
        agentId: `reporter-${agents.length}`,
        effectsFile: effectsFile(),
        reportPort: port,
        stateDir,
      });
      agents.push(agent);
      return agent;
    };
    const events = () => countedEvents(services.db, institutionId, "outbox-");

    proxy.setMode("down");
    const first = start();
    await waitFor(async () => first.output().includes("agent started (report-only)"), 30_000);
    expect((await report({ events: [apiCall("outbox-1"), apiCall("outbox-2")] })).status).toBe(202);
    expect((await report({ events: [apiCall("outbox-2"), apiCall("outbox-3")] })).status).toBe(202);
    // The agent stops before the link returns: the reports wait on disk.
    await first.stop();
    expect(await events()).toBe(0);

    proxy.setMode("pass");
    const second = start();
    await waitFor(async () => (await events()) === 3, 30_000).catch((error: unknown) => {
      throw new Error(`${String(error)}\n${second.output()}`);
    });
    expect((await report({ events: [apiCall("outbox-3"), apiCall("outbox-4")] })).status).toBe(202);
    await waitFor(async () => (await events()) === 4, 30_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await events()).toBe(4);
    await second.stop();
  }, 120_000);
});
