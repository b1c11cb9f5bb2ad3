import { describe, expect, it } from "vitest";
import { type EndpointDayFigures, environmentHealth } from "../src/environment-health.ts";
import { CURRENT_RULES, OPEN_FINANCE_RULES_2024, type RegulatoryRules } from "../src/regulatory-thresholds.ts";
import {
  addDays,
  burnRateVerdict,
  dailyAvailabilityVerdict,
  endpointClassOf,
  latencyVerdict,
  trafficLimitVerdict,
  windowAvailabilityVerdict,
} from "../src/regulatory-verdicts.ts";

const day = (d: string, partial: number | null, scheduled = 0) => ({
  day: d,
  partialDowntimeSeconds: partial,
  scheduledOutageSeconds: scheduled,
});

describe("thresholds are data with their source", () => {
  it("every rule names the document it comes from", () => {
    const r = CURRENT_RULES;
    for (const source of [
      r.dailyAvailability.source,
      r.windowAvailability.source,
      r.scheduledOutageCounts.source,
      r.burnRate.source,
      r.latency.source,
      r.endpointClassesSource,
      r.traffic.source,
    ]) {
      expect(source.document.length).toBeGreaterThan(5);
      expect(source.section.length).toBeGreaterThan(2);
    }
    expect(r.latency.limitMs).toEqual({ HIGH: 1500, MEDIUM_HIGH: 1500, MEDIUM: 2000, LOW: 4000 });
    expect(r.dailyAvailability.minimumBasisPoints).toBe(9500);
    expect(r.windowAvailability).toMatchObject({ minimumBasisPoints: 9950, windowDays: 90 });
  });
});

describe("daily availability (≥ 95%)", () => {
  it("passes at exactly 95% and fails one second below", () => {
    // 5% of 86,400 s is 4,320 s.
    const exactly = dailyAvailabilityVerdict(day("2026-12-01", 4320));
    expect(exactly).toMatchObject({ judged: true, passed: true, availabilityPercent: "95.0000", downtimeSeconds: 4320 });
    const below = dailyAvailabilityVerdict(day("2026-12-01", 4321));
    expect(below).toMatchObject({ passed: false, availabilityPercent: "94.9988" });
  });

  it("counts a scheduled outage as downtime, and says so", () => {
    const verdict = dailyAvailabilityVerdict(day("2026-12-01", 1000, 3400));
    expect(verdict).toMatchObject({ passed: false, downtimeSeconds: 4400, restsOn: "downtime seconds (partial + scheduled)" });
    const lenient: RegulatoryRules = {
      ...OPEN_FINANCE_RULES_2024,
      scheduledOutageCounts: { ...OPEN_FINANCE_RULES_2024.scheduledOutageCounts, value: false },
    };
    expect(dailyAvailabilityVerdict(day("2026-12-01", 1000, 3400), lenient)).toMatchObject({
      passed: true,
      downtimeSeconds: 1000,
      restsOn: "downtime seconds (partial only)",
    });
  });

  it("caps downtime at the day and does not judge a day without availability figures", () => {
    expect(dailyAvailabilityVerdict(day("2026-12-01", 80000, 80000))).toMatchObject({
      downtimeSeconds: 86400,
      availabilityPercent: "0.0000",
    });
    expect(dailyAvailabilityVerdict(day("2026-12-01", null))).toMatchObject({
      judged: false,
      passed: null,
      restsOn: "no availability figures for this day",
    });
  });
});

describe("90-day window (≥ 99.5%) and its error budget", () => {
  const end = "2026-12-31";
  const fullWindow = (downtime: (i: number) => number) => Array.from({ length: 90 }, (_, i) => day(addDays(end, -i), downtime(i)));

  it("allows 648 minutes over a full window; exactly spent still passes, one second more fails", () => {
    const spent = fullWindow((i) => (i === 0 ? 38_880 : 0));
    const exactly = windowAvailabilityVerdict(spent, end);
    expect(exactly).toMatchObject({ coveredDays: 90, missingDays: 0, allowedSeconds: 38_880, remainingSeconds: 0, passed: true });
    expect(exactly.allowedSeconds / 60).toBe(648);
    expect(exactly.availabilityPercent).toBe("99.5000");
    const over = windowAvailabilityVerdict(
      fullWindow((i) => (i === 0 ? 38_881 : 0)),
      end,
    );
    expect(over).toMatchObject({ remainingSeconds: -1, passed: false });
  });

  it("remaining budget in minutes after some downtime", () => {
    const verdict = windowAvailabilityVerdict(
      fullWindow((i) => (i < 10 ? 600 : 0)),
      end,
    );
    expect(verdict.consumedSeconds).toBe(6000);
    expect(verdict.remainingSeconds).toBe(32_880);
    expect(verdict.remainingSeconds / 60).toBe(548);
  });

  it("with missing days judges over the days it has, and says how many are missing", () => {
    // 30 reported days, 60 missing: the budget is 0.5% of the 30 reported days (216 min), not of 90.
    const days = Array.from({ length: 30 }, (_, i) => day(addDays(end, -3 * i), i === 0 ? 12_000 : 0));
    const verdict = windowAvailabilityVerdict(days, end);
    expect(verdict).toMatchObject({ coveredDays: 30, missingDays: 60, allowedSeconds: 12_960, remainingSeconds: 960, passed: true });
    const worse = windowAvailabilityVerdict([...days.slice(1), day(end, 13_000)], end);
    expect(worse).toMatchObject({ remainingSeconds: -40, passed: false });
  });

  it("ignores days outside the window and days without availability figures", () => {
    const days = [day(addDays(end, -90), 86_400), day(addDays(end, -89), 0), day(addDays(end, -1), null)];
    expect(windowAvailabilityVerdict(days, end)).toMatchObject({
      coveredDays: 1,
      consumedSeconds: 0,
      passed: true,
      windowStart: addDays(end, -89),
    });
    expect(windowAvailabilityVerdict([], end)).toMatchObject({ judged: false, passed: null, coveredDays: 0 });
  });
});

describe("burn rate", () => {
  const end = "2026-12-31";
  it("is consumed over allowed for the last 7 days; above 1 is a fast burn", () => {
    // Allowed per day: 432 s.
    const steady = Array.from({ length: 7 }, (_, i) => day(addDays(end, -i), 432));
    expect(burnRateVerdict(steady, end)).toMatchObject({ coveredDays: 7, consumedSeconds: 3024, burnRate: 1, fastBurn: false });
    const faster = [...steady.slice(1), day(end, 433)];
    expect(burnRateVerdict(faster, end)).toMatchObject({ burnRate: 1, fastBurn: true });
    const triple = Array.from({ length: 7 }, (_, i) => day(addDays(end, -i), 1296));
    expect(burnRateVerdict(triple, end)).toMatchObject({ burnRate: 3, fastBurn: true });
    // A day before the lookback does not count.
    expect(burnRateVerdict([day(addDays(end, -7), 80_000)], end)).toMatchObject({ coveredDays: 0, burnRate: null, fastBurn: false });
  });
});

describe("latency (95th percentile by endpoint class)", () => {
  it("classes endpoints by path, given as URL or URI", () => {
    expect(endpointClassOf("https://api.banco.com.br/open-banking/consents/v3/consents")).toBe("HIGH");
    expect(endpointClassOf("/open-banking/accounts/v2/accounts/{accountId}/balances")).toBe("MEDIUM_HIGH");
    expect(endpointClassOf("/open-banking/accounts/v2/accounts")).toBe("MEDIUM");
    expect(endpointClassOf("/open-banking/customers/v2/personal/identifications")).toBe("LOW");
    expect(endpointClassOf("/something/else")).toBeNull();
  });

  it("judges the reported p95 against the class limit, at most the limit", () => {
    const at = latencyVerdict({
      day: "2026-12-01",
      endpoint: "/open-banking/consents/v3/consents",
      p95ResponseMs: 1500,
      averageResponseMs: 300,
    });
    expect(at).toMatchObject({ judged: true, passed: true, limitMs: 1500, restsOn: "reported p95" });
    const over = latencyVerdict({
      day: "2026-12-01",
      endpoint: "/open-banking/accounts/v2/accounts",
      p95ResponseMs: 2001,
      averageResponseMs: 300,
    });
    expect(over).toMatchObject({ passed: false, limitMs: 2000 });
  });

  it("never judges an average as a percentile", () => {
    const verdict = latencyVerdict({
      day: "2026-12-01",
      endpoint: "/open-banking/consents/v3/consents",
      p95ResponseMs: null,
      averageResponseMs: 9000,
    });
    expect(verdict).toMatchObject({ judged: false, passed: null, averageMs: 9000, p95Ms: null });
    expect(verdict.restsOn).toMatch(/not a percentile/);
  });
});

describe("traffic limits", () => {
  it("a configured per-origin limit must allow at least the class minimum", () => {
    expect(trafficLimitVerdict("HIGH", 2000).passed).toBe(true);
    expect(trafficLimitVerdict("HIGH", 1999).passed).toBe(false);
    expect(trafficLimitVerdict("LOW", 500)).toMatchObject({ passed: true, minimumPerMinute: 500 });
  });
});

describe("environment health", () => {
  const end = "2026-12-10";
  const row = (d: string, endpoint: string, partial: number, p95: number | null = null): EndpointDayFigures => ({
    ...day(d, partial),
    endpoint,
    invocations: 100,
    averageResponseMs: 200,
    p95ResponseMs: p95,
    errors: 0,
    rejections: 0,
  });

  it("is as healthy as its worst endpoint, with the breach named", () => {
    const rows = [row(end, "/open-banking/consents/v3/consents", 0), row(end, "/open-banking/accounts/v2/accounts", 5000)];
    const health = environmentHealth(rows, end);
    expect(health.status).toBe("BREACHING");
    expect(health.currentBreaches.map((b) => [b.rule, b.endpoint])).toContainEqual([
      "availability.daily",
      "/open-banking/accounts/v2/accounts",
    ]);
    expect(health.budget?.endpoint).toBe("/open-banking/accounts/v2/accounts");
    expect(health.days).toEqual([expect.objectContaining({ day: end, downtimeSeconds: 5000, invocations: 200 })]);
  });

  it("is at risk when the budget burns fast without a breach, healthy otherwise, no data without figures", () => {
    // 7 days × 1,000 s: each day passes (≥ 95%), the window holds, but the burn rate is ~2.3.
    const burning = Array.from({ length: 7 }, (_, i) => row(addDays(end, -i), "/open-banking/accounts/v2/accounts", 1000));
    const history = Array.from({ length: 83 }, (_, i) => row(addDays(end, -7 - i), "/open-banking/accounts/v2/accounts", 0));
    expect(environmentHealth([...burning, ...history], end).status).toBe("AT_RISK");
    expect(environmentHealth(history, end).status).toBe("HEALTHY");
    expect(environmentHealth([], end).status).toBe("NO_DATA");
  });

  it("a daily breach older than the lookback stays in the history but no longer makes the environment breaching", () => {
    const old = row(addDays(end, -20), "/open-banking/accounts/v2/accounts", 5000);
    const rest = Array.from({ length: 89 }, (_, i) => row(addDays(end, -i), "/open-banking/accounts/v2/accounts", 0)).filter(
      (r) => r.day !== old.day,
    );
    const health = environmentHealth([old, ...rest], end);
    expect(health.breaches).toHaveLength(1);
    expect(health.currentBreaches).toHaveLength(0);
    expect(health.status).toBe("HEALTHY");
  });

  it("a p95 over its limit is a breach; an average over it is not", () => {
    const health = environmentHealth(
      [
        row(end, "/open-banking/consents/v3/consents", 0, 1600),
        { ...row(end, "/open-banking/accounts/v2/accounts", 0), averageResponseMs: 9000 },
      ],
      end,
    );
    expect(health.currentBreaches.map((b) => b.rule)).toEqual(["latency.p95"]);
    expect(health.days[0]?.p95MsByClass).toEqual({ HIGH: 1600 });
    expect(health.days[0]?.highestAverageMs).toBe(9000);
  });
});
