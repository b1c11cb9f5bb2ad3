// The dashboard's silent agents, on real PostgreSQL: exactly the managed accounts' agents the
// environment page calls silent (the bound of @opus/rules/agent-contact), longest-silent first, each
// with its environments to link to, counted past the list's length, in one statement.
import { AGENT_SILENT_AFTER_MS, agentContactState } from "@opus/rules/agent-contact";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SILENT_AGENTS_LISTED, silentAgents } from "../../src/domain/dashboard/silent-agents.ts";
import { createAgentTenant } from "../agent/support/agent-harness.ts";
import { createTenant } from "../provisioning/support/fixtures.ts";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
const statements: string[] = [];
const now = new Date("2026-12-04T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

beforeAll(async () => {
  services = await createTestServices({ onQuery: (sql) => statements.push(sql) });
  services.clock.set(now);
});

afterAll(async () => {
  services.clock.set(null);
  await services.cleanup();
});

const seen = (institutionId: string, agentSeenAt: Date | null) =>
  services.db.managedAccount.update({ where: { institutionId }, data: { agentSeenAt, agentVersion: agentSeenAt ? "agent-3.4.1" : null } });

describe("the dashboard's silent agents", () => {
  it("lists the agents past the bound, longest-silent first, with their live environments, and no others", async () => {
    const baseline = await silentAgents(services.db, now);
    const longest = await createAgentTenant(services.db, ["DEVELOPMENT", "PRODUCTION"]);
    const silent = await createAgentTenant(services.db);
    const atBound = await createAgentTenant(services.db);
    const neverCalled = await createAgentTenant(services.db);
    const stored = await createAgentTenant(services.db);
    await seen(longest.id, ago(10 * 60_000));
    await seen(silent.id, ago(AGENT_SILENT_AFTER_MS + 1));
    await seen(atBound.id, ago(AGENT_SILENT_AFTER_MS));
    await seen(neverCalled.id, null);
    // Credentials kept by Opus: an old contact from before the switch is no agent to watch.
    await seen(stored.id, ago(60 * 60_000));
    await services.db.managedAccount.update({ where: { institutionId: stored.id }, data: { credentialsSource: "STORED" } });
    // A destroyed environment is nothing to link to.
    await services.db.environment.create({
      data: { institutionId: longest.id, kind: "HOMOLOGATION", status: "DESTROYED", stackName: `${longest.slug}-homologation` },
    });

    const result = await silentAgents(services.db, now);
    expect(result.count).toBe(baseline.count + 2);
    const ours = result.items.filter((a) => [longest.id, silent.id, atBound.id, neverCalled.id, stored.id].includes(a.institution.id));
    expect(ours.map((a) => a.institution.id)).toEqual([longest.id, silent.id]);
    expect(ours[0]).toEqual({
      institution: { id: longest.id, legalName: longest.legalName },
      agentVersion: "agent-3.4.1",
      lastContactAt: ago(10 * 60_000),
      environments: longest.environments.map((e) => ({ id: e.id, kind: e.kind, status: e.status })),
    });
    expect(ours[0]?.environments.map((e) => e.kind)).toEqual(["DEVELOPMENT", "PRODUCTION"]);
    // The page's rule says the same of every one listed.
    for (const agent of result.items) expect(agentContactState(agent.lastContactAt, now)).toBe("silent");
    expect(agentContactState(ago(AGENT_SILENT_AFTER_MS), now)).toBe("live");
  });

  it("counts every silent agent in one statement while listing only the longest-silent", async () => {
    const before = await silentAgents(services.db, now);
    for (let i = 0; i < SILENT_AGENTS_LISTED + 3; i++) {
      const tenant = await createAgentTenant(services.db, ["HOMOLOGATION", "PRODUCTION"]);
      await seen(tenant.id, ago(AGENT_SILENT_AFTER_MS + 1_000 + i));
    }
    // A SaaS institution with environments adds nothing.
    await createTenant(services.db, { kinds: ["PRODUCTION"] });
    statements.length = 0;
    const result = await silentAgents(services.db, now);
    expect(statements).toHaveLength(1);
    expect(result.count).toBe(before.count + SILENT_AGENTS_LISTED + 3);
    expect(result.items).toHaveLength(SILENT_AGENTS_LISTED);
    const times = result.items.map((a) => a.lastContactAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it("reaches Opus staff through the dashboard, and no customer", async () => {
    const otto = await callerFor(services, "operator@opus.example");
    const { silentAgents: onDashboard } = await otto.dashboard.get();
    expect(onDashboard).toEqual(await silentAgents(services.db, now));
    const ana = await callerFor(services, "ana@aurora.example");
    await expect(ana.dashboard.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
