// Each claim records the agent's last contact, but only when the stored contact is older than the
// throttle or the version changed: replicas polling every few seconds do not rewrite the row each time.

import { AGENT_CONTACT_REFRESH_MS as AGENT_CONTACT_THROTTLE_MS } from "@opus/rules/agent-contact";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimForAgent } from "../../src/provisioning/agent-queue.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";
import { createAgentTenant } from "./support/agent-harness.ts";

let services: TestServices;

beforeAll(async () => {
  services = await createTestServices();
});

afterAll(async () => {
  services.clock.set(null);
  await services.cleanup();
});

const deps = () => ({
  db: services.db,
  clock: services.clock,
  log: services.log,
  signer: services.agentQueue.signer,
  leaseMs: services.agentQueue.leaseMs,
  config: { defaultRelease: services.platformRelease },
});

const contact = (institutionId: string) =>
  services.db.managedAccount.findUniqueOrThrow({ where: { institutionId }, select: { agentSeenAt: true, agentVersion: true } });

describe("the agent's last contact", () => {
  it("is written on the first claim, left alone within the throttle, rewritten after it or on a new version", async () => {
    const tenant = await createAgentTenant(services.db);
    const caller = { institutionId: tenant.id, agentId: "replica-1" };
    const start = new Date("2026-12-03T12:00:00.000Z");

    services.clock.set(start);
    await claimForAgent(deps(), caller, "1.0.0");
    expect(await contact(tenant.id)).toEqual({ agentSeenAt: start, agentVersion: "1.0.0" });

    // Inside the throttle: no write, the stored contact stays where it was.
    services.clock.set(new Date(start.getTime() + AGENT_CONTACT_THROTTLE_MS - 1_000));
    await claimForAgent(deps(), { ...caller, agentId: "replica-2" }, "1.0.0");
    expect((await contact(tenant.id)).agentSeenAt).toEqual(start);

    // A new version shows at once, throttle or not.
    const upgraded = new Date(start.getTime() + AGENT_CONTACT_THROTTLE_MS - 500);
    services.clock.set(upgraded);
    await claimForAgent(deps(), caller, "1.1.0");
    expect(await contact(tenant.id)).toEqual({ agentSeenAt: upgraded, agentVersion: "1.1.0" });

    // Past the throttle: written again.
    const later = new Date(upgraded.getTime() + AGENT_CONTACT_THROTTLE_MS + 1);
    services.clock.set(later);
    await claimForAgent(deps(), caller, "1.1.0");
    expect((await contact(tenant.id)).agentSeenAt).toEqual(later);
  });
});
