// The weekly report's default week: the Monday of the last full week before today.
import { describe, expect, it } from "vitest";
import { lastFullWeek } from "../src/components/health/last-full-week.ts";

describe("last full week", () => {
  it.each([
    ["2026-12-03", "2026-11-23"], // a Thursday: the week of Nov 23–29 is the last full one
    ["2026-12-07", "2026-11-30"], // a Monday: last week
    ["2026-12-06", "2026-11-23"], // a Sunday: its own week is not over
  ])("%s → %s", (today, monday) => {
    expect(lastFullWeek(today)).toBe(monday);
  });
});
