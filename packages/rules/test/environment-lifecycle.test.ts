import { describe, expect, it } from "vitest";
import {
  canTransitionEnvironment,
  ENVIRONMENT_STATUSES,
  type EnvironmentStatus,
  environmentTransitionRefusal,
} from "../src/environment-lifecycle.ts";

// Written out independently of the module's table.
const ALLOWED = new Set([
  "PENDING→PROVISIONING",
  "PROVISIONING→ACTIVE",
  "PROVISIONING→FAILED",
  "FAILED→PROVISIONING", // retry
  "ACTIVE→PROVISIONING", // upgrade
  "ACTIVE→SUSPENDED",
  "SUSPENDED→ACTIVE",
  "ACTIVE→DESTROYING",
  "SUSPENDED→DESTROYING",
  "FAILED→DESTROYING",
  "DESTROYING→DESTROYED",
  // Decisions beyond the basic flow, so teardown cannot deadlock:
  "PENDING→DESTROYED", // nothing was ever created
  "DESTROYING→FAILED", // a failed destroy is visible and retried through FAILED→DESTROYING
]);

const PAIRS = ENVIRONMENT_STATUSES.flatMap((from) => ENVIRONMENT_STATUSES.map((to) => [from, to] as const));

describe("environment transitions: every (from, to) pair", () => {
  it("covers all 49 pairs and 13 allowed ones", () => {
    expect(PAIRS).toHaveLength(49);
    expect(PAIRS.filter(([from, to]) => ALLOWED.has(`${from}→${to}`))).toHaveLength(13);
  });

  it.each(PAIRS)("%s → %s", (from, to) => {
    if (ALLOWED.has(`${from}→${to}`)) {
      expect(canTransitionEnvironment(from, to)).toBe(true);
      expect(environmentTransitionRefusal(from, to)).toBeNull();
    } else {
      expect(canTransitionEnvironment(from, to)).toBe(false);
      expect(environmentTransitionRefusal(from, to)).toBe(`Cannot move an environment from ${from} to ${to}`);
    }
  });

  it("has DESTROYED as its only final status", () => {
    const final = ENVIRONMENT_STATUSES.filter((from) => ENVIRONMENT_STATUSES.every((to) => !canTransitionEnvironment(from, to)));
    expect(final).toEqual<EnvironmentStatus[]>(["DESTROYED"]);
  });

  it("can reach DESTROYED from every status, so no environment blocks offboarding forever", () => {
    const reaches = (from: EnvironmentStatus, seen = new Set<EnvironmentStatus>()): boolean =>
      from === "DESTROYED" ||
      ENVIRONMENT_STATUSES.some((to) => canTransitionEnvironment(from, to) && !seen.has(to) && reaches(to, new Set([...seen, from])));
    for (const status of ENVIRONMENT_STATUSES) expect(reaches(status), status).toBe(true);
  });
});
