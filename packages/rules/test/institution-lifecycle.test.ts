import { describe, expect, it } from "vitest";
import { INSTITUTION_STATUSES, type InstitutionStatus } from "../src/enums.ts";
import {
  allowedInstitutionEvents as allowedEvents,
  deriveInstitutionStatus,
  INSTITUTION_EVENTS,
  type InstitutionEvent,
  setupFailed,
  transitionInstitution,
} from "../src/institution-lifecycle.ts";

const ENVIRONMENT_STATUSES = ["PENDING", "PROVISIONING", "ACTIVE", "SUSPENDED", "FAILED", "DESTROYING", "DESTROYED"] as const;
type EnvironmentStatus = (typeof ENVIRONMENT_STATUSES)[number];

/** The next status, throwing on a refusal: reads like the API's transition() in the walks below. */
function transition(from: InstitutionStatus, event: InstitutionEvent): InstitutionStatus {
  const move = transitionInstitution(from, event);
  if (!move.ok) throw new Error(move.refusal.message);
  return move.status;
}

function refusal(from: InstitutionStatus, event: InstitutionEvent) {
  const move = transitionInstitution(from, event);
  return move.ok ? null : move.refusal;
}

// The specification, written out independently of the module's table: "state:event" → next state.
const ALLOWED: Record<string, InstitutionStatus> = {
  "DRAFT:submit": "SUBMITTED",
  "REJECTED:reopen": "DRAFT",
  "SUBMITTED:approve": "APPROVED",
  "SUBMITTED:reject": "REJECTED",
  "ACTIVE:suspend": "SUSPENDED",
  "SUSPENDED:resume": "ACTIVE",
  "APPROVED:offboard": "OFFBOARDING",
  "PROVISIONING:offboard": "OFFBOARDING",
  "ACTIVE:offboard": "OFFBOARDING",
  "SUSPENDED:offboard": "OFFBOARDING",
  "OFFBOARDING:confirmDestruction": "OFFBOARDED",
};

const PAIRS = INSTITUTION_STATUSES.flatMap((state) => INSTITUTION_EVENTS.map((event) => [state, event] as const));

describe("transitionInstitution: every (state, event) pair", () => {
  it("covers all 72 pairs and 11 allowed ones", () => {
    expect(PAIRS).toHaveLength(9 * 8);
    expect(PAIRS.filter(([s, e]) => `${s}:${e}` in ALLOWED)).toHaveLength(11);
  });

  it.each(PAIRS)("%s + %s", (state, event) => {
    const next = ALLOWED[`${state}:${event}`];
    if (next !== undefined) {
      expect(transitionInstitution(state, event)).toEqual({ ok: true, status: next });
    } else {
      const refused = refusal(state, event);
      expect(refused?.code).toBe("INVALID_TRANSITION");
      expect(refused?.message).toMatch(/^Cannot .+ an institution that is .+$/);
    }
  });
});

describe("refusals and decisions", () => {
  it.each([
    ["DRAFT", "approve", "Cannot approve an institution that is still a draft"],
    ["ACTIVE", "confirmDestruction", "Cannot confirm the destruction of an institution that is active"],
    ["OFFBOARDED", "resume", "Cannot resume an institution that is offboarded"],
    ["PROVISIONING", "suspend", "Cannot suspend an institution that is provisioning"],
  ] as const)("%s + %s says %j", (state, event, message) => {
    expect(refusal(state, event)).toEqual({ code: "INVALID_TRANSITION", message });
  });

  it("does not resubmit a rejected request directly: it is reopened as a draft first", () => {
    expect(refusal("REJECTED", "submit")?.message).toBe("Cannot submit an institution that is rejected");
    expect(transition(transition("REJECTED", "reopen"), "submit")).toBe("SUBMITTED");
  });

  it("walks the whole life of a tenant", () => {
    const events: InstitutionEvent[] = ["submit", "reject", "reopen", "submit", "approve", "offboard", "confirmDestruction"];
    const visited: InstitutionStatus[] = ["DRAFT"];
    for (const event of events) visited.push(transition(visited.at(-1) ?? "DRAFT", event));
    expect(visited).toEqual(["DRAFT", "SUBMITTED", "REJECTED", "DRAFT", "SUBMITTED", "APPROVED", "OFFBOARDING", "OFFBOARDED"]);
  });
});

describe("allowedEvents", () => {
  it.each([
    ["DRAFT", ["submit"]],
    ["SUBMITTED", ["approve", "reject"]],
    ["REJECTED", ["reopen"]],
    ["APPROVED", ["offboard"]],
    ["PROVISIONING", ["offboard"]],
    ["ACTIVE", ["suspend", "offboard"]],
    ["SUSPENDED", ["resume", "offboard"]],
    ["OFFBOARDING", ["confirmDestruction"]],
    ["OFFBOARDED", []],
  ] as const)("%s → %j", (state, events) => {
    expect(allowedEvents(state)).toEqual(events);
  });

  it("agrees with transition for every pair", () => {
    for (const [state, event] of PAIRS) {
      expect(allowedEvents(state).includes(event), `${state} + ${event}`).toBe(transitionInstitution(state, event).ok);
    }
  });
});

describe("deriveInstitutionStatus", () => {
  const envs = (...statuses: EnvironmentStatus[]) => statuses.map((status) => ({ status }));

  it.each([
    // stored, environments, mode, expected status, failed count
    ["APPROVED", [], "SAAS", "APPROVED", 0],
    ["APPROVED", ["PENDING", "PENDING", "PENDING"], "SAAS", "PROVISIONING", 0],
    ["APPROVED", ["ACTIVE", "PROVISIONING", "PENDING"], "MANAGED", "PROVISIONING", 0],
    ["PROVISIONING", ["ACTIVE", "ACTIVE", "ACTIVE"], "SAAS", "ACTIVE", 0],
    // An upgrade (ACTIVE → PROVISIONING) shows the tenant as provisioning: stored ACTIVE is overridden.
    ["ACTIVE", ["ACTIVE", "PROVISIONING"], "SAAS", "PROVISIONING", 0],
    ["ACTIVE", ["ACTIVE", "ACTIVE"], "MANAGED", "ACTIVE", 0],
    // Partial failure: still serving, the failure is counted rather than hidden.
    ["ACTIVE", ["ACTIVE", "FAILED", "ACTIVE"], "SAAS", "ACTIVE", 1],
    ["PROVISIONING", ["PROVISIONING", "FAILED"], "SAAS", "PROVISIONING", 1],
    // Nothing runs: back to APPROVED, which can still be offboarded.
    ["PROVISIONING", ["FAILED", "FAILED"], "SAAS", "APPROVED", 2],
    ["ACTIVE", ["FAILED"], "MANAGED", "APPROVED", 1],
    // Destroyed or destroying environments do not count.
    ["ACTIVE", ["ACTIVE", "DESTROYED", "DESTROYING"], "SAAS", "ACTIVE", 0],
    ["ACTIVE", ["DESTROYED"], "SAAS", "APPROVED", 0],
    ["ACTIVE", ["ACTIVE", "SUSPENDED"], "SAAS", "ACTIVE", 0],
    // No mode recorded: treated like a provisioned mode.
    ["APPROVED", ["PENDING"], null, "PROVISIONING", 0],
    // Self-managed tenants are not provisioned by Opus: approved means active.
    ["APPROVED", [], "SELF_MANAGED", "ACTIVE", 0],
    ["PROVISIONING", ["PENDING"], "SELF_MANAGED", "ACTIVE", 0],
    ["APPROVED", ["FAILED"], "SELF_MANAGED", "ACTIVE", 1],
    // Decisions stand as stored, whatever the environments say.
    ["DRAFT", [], "SAAS", "DRAFT", 0],
    ["SUBMITTED", [], "SELF_MANAGED", "SUBMITTED", 0],
    ["REJECTED", [], "SAAS", "REJECTED", 0],
    ["SUSPENDED", ["SUSPENDED", "FAILED"], "SAAS", "SUSPENDED", 1],
    ["SUSPENDED", [], "SELF_MANAGED", "SUSPENDED", 0],
    ["OFFBOARDING", ["DESTROYING", "FAILED", "DESTROYED"], "MANAGED", "OFFBOARDING", 1],
    ["OFFBOARDED", ["DESTROYED", "DESTROYED"], "SAAS", "OFFBOARDED", 0],
  ] as const)("%s with %j (%s) → %s, %d failed", (stored, statuses, mode, status, failedEnvironments) => {
    expect(deriveInstitutionStatus(stored, envs(...statuses), mode)).toEqual({ status, failedEnvironments });
  });

  it("never leaves an approved tenant in a status the environments contradict", () => {
    // For every single-status fleet of a provisioned tenant, the derived status matches the fleet.
    const expected: Record<EnvironmentStatus, InstitutionStatus> = {
      PENDING: "PROVISIONING",
      PROVISIONING: "PROVISIONING",
      ACTIVE: "ACTIVE",
      SUSPENDED: "ACTIVE",
      FAILED: "APPROVED",
      DESTROYING: "APPROVED",
      DESTROYED: "APPROVED",
    };
    for (const stored of ["APPROVED", "PROVISIONING", "ACTIVE"] as const) {
      for (const env of ENVIRONMENT_STATUSES) {
        expect(deriveInstitutionStatus(stored, envs(env, env), "SAAS").status, `${stored} with ${env}`).toBe(expected[env]);
      }
    }
  });

  it("lets a tenant whose provisioning failed everywhere be offboarded", () => {
    const { status } = deriveInstitutionStatus("PROVISIONING", envs("FAILED", "FAILED", "FAILED"), "SAAS");
    expect(allowedEvents(status)).toContain("offboard");
  });

  it("ends offboarding only once destruction is confirmed and every environment is destroyed", () => {
    expect(deriveInstitutionStatus("OFFBOARDING", envs("DESTROYED", "DESTROYED"), "SAAS", true).status).toBe("OFFBOARDED");
    expect(deriveInstitutionStatus("OFFBOARDING", envs("DESTROYED", "DESTROYING"), "SAAS", true).status).toBe("OFFBOARDING");
    expect(deriveInstitutionStatus("OFFBOARDING", envs("DESTROYED", "DESTROYED"), "SAAS", false).status).toBe("OFFBOARDING");
    expect(deriveInstitutionStatus("OFFBOARDING", envs(), "SELF_MANAGED", true).status).toBe("OFFBOARDED");
  });
});

describe("setupFailed", () => {
  const envs = (...statuses: EnvironmentStatus[]) => statuses.map((status) => ({ status }));
  it("holds for an approved tenant every live environment of which failed", () => {
    expect(setupFailed("APPROVED", envs("FAILED", "FAILED"))).toBe(true);
    expect(setupFailed("APPROVED", envs("FAILED", "DESTROYED"))).toBe(true);
  });

  it("does not hold while something runs, is still coming, or there is nothing yet", () => {
    expect(setupFailed("APPROVED", envs())).toBe(false);
    expect(setupFailed("APPROVED", envs("FAILED", "PENDING"))).toBe(false);
    expect(setupFailed("APPROVED", envs("DESTROYED"))).toBe(false);
    expect(setupFailed("ACTIVE", envs("FAILED", "ACTIVE"))).toBe(false);
    expect(setupFailed("OFFBOARDING", envs("FAILED"))).toBe(false);
  });
});
