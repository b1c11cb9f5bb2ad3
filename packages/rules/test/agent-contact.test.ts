import { describe, expect, it } from "vitest";
import { AGENT_SILENT_AFTER_MS, agentContactState, agentSilentBefore } from "../src/agent-contact.ts";

const now = new Date("2026-12-03T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("agentContactState", () => {
  it("is never without a contact, live up to the bound, silent past it", () => {
    expect(AGENT_SILENT_AFTER_MS).toBe(90_000);
    expect(agentContactState(null, now)).toBe("never");
    expect(agentContactState(ago(0), now)).toBe("live");
    expect(agentContactState(ago(AGENT_SILENT_AFTER_MS), now)).toBe("live");
    expect(agentContactState(ago(AGENT_SILENT_AFTER_MS + 1), now)).toBe("silent");
  });

  it("agrees with the cutoff the dashboard's query filters on", () => {
    expect(agentSilentBefore(now)).toEqual(ago(AGENT_SILENT_AFTER_MS));
  });
});
