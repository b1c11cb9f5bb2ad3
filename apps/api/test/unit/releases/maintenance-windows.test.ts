// Maintenance windows in the environment's time zone, freezes and the fleet's freezes.
import { describe, expect, it } from "vitest";
import { eligibility, firstEligible, ruleProblem, type Schedule } from "../../../src/domain/releases/maintenance-windows.ts";

// Sundays 02:00–06:00 in São Paulo (UTC−3): 05:00–09:00 UTC.
const sundays: Schedule = {
  windows: [{ rrule: "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2", durationMinutes: 240 }],
  timeZone: "America/Sao_Paulo",
  freezes: [],
};
const at = (iso: string) => new Date(iso);

describe("maintenance windows", () => {
  it("is eligible inside the window in the environment's zone, not outside", () => {
    expect(eligibility(sundays, [], at("2026-12-06T05:30:00Z")).eligible).toBe(true);
    expect(eligibility(sundays, [], at("2026-12-06T08:59:00Z")).eligible).toBe(true);
    const after = eligibility(sundays, [], at("2026-12-06T09:00:00Z"));
    expect(after).toMatchObject({ eligible: false, until: at("2026-12-13T05:00:00Z") });
    // 02:30 UTC on Sunday is still Saturday evening in São Paulo.
    const before = eligibility(sundays, [], at("2026-12-06T02:30:00Z"));
    expect(before).toMatchObject({ eligible: false, reason: "next maintenance window opens at 2026-12-06T05:00:00.000Z" });
  });

  it("the same rule in another zone opens at another instant", () => {
    const tokyo = { ...sundays, timeZone: "Asia/Tokyo" };
    expect(eligibility(tokyo, [], at("2026-12-05T17:30:00Z")).eligible).toBe(true);
    expect(eligibility(tokyo, [], at("2026-12-06T05:30:00Z")).eligible).toBe(false);
  });

  it("no windows means any time; freezes and the fleet's freezes still stop it, the fleet's first", () => {
    const anyTime: Schedule = { windows: [], timeZone: "America/Sao_Paulo", freezes: [] };
    expect(eligibility(anyTime, [], at("2026-12-03T12:00:00Z")).eligible).toBe(true);
    const frozen = { ...anyTime, freezes: [{ from: "2026-12-20T00:00:00.000Z", until: "2027-01-05T00:00:00.000Z", reason: "year end" }] };
    expect(eligibility(frozen, [], at("2026-12-25T12:00:00Z"))).toMatchObject({
      eligible: false,
      reason: "frozen until 2027-01-05T00:00:00.000Z (year end)",
    });
    const fleet = [{ from: "2026-12-24T00:00:00.000Z", until: "2026-12-26T00:00:00.000Z", reason: "Christmas" }];
    expect(eligibility(frozen, fleet, at("2026-12-25T12:00:00Z"))).toMatchObject({
      reason: expect.stringContaining("the fleet is frozen"),
    });
  });

  it("finds the first eligible instant across a freeze that covers the next window", () => {
    const frozen = { ...sundays, freezes: [{ from: "2026-12-12T00:00:00.000Z", until: "2026-12-14T00:00:00.000Z", reason: "audit" }] };
    const first = firstEligible(frozen, [], at("2026-12-07T00:00:00Z"));
    expect(first?.at).toEqual(at("2026-12-20T05:00:00Z"));
    expect(first?.waited).toEqual([
      "next maintenance window opens at 2026-12-13T05:00:00.000Z",
      "frozen until 2026-12-14T00:00:00.000Z (audit)",
      "next maintenance window opens at 2026-12-20T05:00:00.000Z",
    ]);
  });

  it("says what is wrong with a rule", () => {
    expect(ruleProblem("FREQ=WEEKLY;BYDAY=SU;BYHOUR=2")).toBeNull();
    expect(ruleProblem("BYDAY=SU")).toMatch(/FREQ/);
    expect(ruleProblem("FREQ=WEEKLY;COUNT=3")).toMatch(/COUNT/);
    expect(ruleProblem("nonsense")).toMatch(/nonsense/i);
    expect(ruleProblem("FREQ=MINUTELY")).toMatch(/not a maintenance window/);
  });
});
