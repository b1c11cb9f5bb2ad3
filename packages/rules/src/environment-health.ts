// One environment's health against the thresholds, from the figures its installation reported per
// endpoint and day. Availability rules apply per API (each endpoint), so the environment is as
// healthy as its worst endpoint: its budget is the smallest remaining budget of its endpoints.
import { CURRENT_RULES, type EndpointClass, type RegulatoryRules } from "./regulatory-thresholds.ts";
import {
  addDays,
  type BurnRateVerdict,
  burnRateVerdict,
  countedDowntimeSeconds,
  type DailyAvailabilityVerdict,
  dailyAvailabilityVerdict,
  type EndpointDay,
  endpointClassOf,
  type LatencyVerdict,
  latencyVerdict,
  percentText,
  type WindowVerdict,
  windowAvailabilityVerdict,
} from "./regulatory-verdicts.ts";

export type EndpointDayFigures = EndpointDay & {
  endpoint: string;
  invocations: number;
  averageResponseMs: number;
  p95ResponseMs: number | null;
  errors: number;
  rejections: number;
};

export const HEALTH_STATUSES = ["BREACHING", "AT_RISK", "HEALTHY", "NO_DATA"] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export type Breach =
  | { rule: "availability.daily"; endpoint: string; day: string; verdict: DailyAvailabilityVerdict }
  | { rule: "availability.window"; endpoint: string; day: string; verdict: WindowVerdict }
  | { rule: "latency.p95"; endpoint: string; day: string; verdict: LatencyVerdict };

export type EndpointHealth = {
  endpoint: string;
  endpointClass: EndpointClass | null;
  window: WindowVerdict;
  burn: BurnRateVerdict;
  latest: { day: string; latency: LatencyVerdict; daily: DailyAvailabilityVerdict } | null;
};

export type HealthDay = {
  day: string;
  /** The worst endpoint's availability that day (null: no availability figures). */
  availabilityPercent: string | null;
  downtimeSeconds: number | null;
  /** Highest reported p95 per class that day; averages are kept apart and labelled as such. */
  p95MsByClass: Partial<Record<EndpointClass, number>>;
  highestAverageMs: number | null;
  invocations: number;
};

export type EnvironmentHealth = {
  asOf: string;
  rulesVersion: string;
  status: HealthStatus;
  /** Breaches that make the environment BREACHING now: the window, or a day in the recent lookback. */
  currentBreaches: Breach[];
  /** Every breach of the 90-day window, newest first. */
  breaches: Breach[];
  /** The endpoint with the least budget left, or null without availability figures. */
  budget: (WindowVerdict & { endpoint: string }) | null;
  fastestBurn: (BurnRateVerdict & { endpoint: string }) | null;
  endpoints: EndpointHealth[];
  days: HealthDay[];
};

function groupByEndpoint(rows: EndpointDayFigures[]): Map<string, EndpointDayFigures[]> {
  const map = new Map<string, EndpointDayFigures[]>();
  for (const row of rows) {
    const list = map.get(row.endpoint) ?? [];
    list.push(row);
    map.set(row.endpoint, list);
  }
  return map;
}

function chartDays(rows: EndpointDayFigures[], rules: RegulatoryRules): HealthDay[] {
  const byDay = new Map<string, EndpointDayFigures[]>();
  for (const row of rows) {
    const list = byDay.get(row.day);
    if (list) list.push(row);
    else byDay.set(row.day, [row]);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, list]) => {
      const downtimes = list.map((r) => countedDowntimeSeconds(r, rules)).filter((d): d is number => d !== null);
      const worst = downtimes.length > 0 ? Math.max(...downtimes) : null;
      const p95MsByClass: Partial<Record<EndpointClass, number>> = {};
      for (const r of list) {
        const cls = endpointClassOf(r.endpoint, rules);
        if (cls === null || r.p95ResponseMs === null) continue;
        p95MsByClass[cls] = Math.max(p95MsByClass[cls] ?? 0, r.p95ResponseMs);
      }
      return {
        day,
        availabilityPercent: worst === null ? null : percentText(rules.daySeconds - worst, rules.daySeconds),
        downtimeSeconds: worst,
        p95MsByClass,
        highestAverageMs: list.length > 0 ? Math.max(...list.map((r) => r.averageResponseMs)) : null,
        invocations: list.reduce((sum, r) => sum + r.invocations, 0),
      };
    });
}

export function environmentHealth(rows: EndpointDayFigures[], asOf: string, rules: RegulatoryRules = CURRENT_RULES): EnvironmentHealth {
  const windowStart = addDays(asOf, -(rules.windowAvailability.windowDays - 1));
  const recentFrom = addDays(asOf, -(rules.burnRate.lookbackDays - 1));
  const inWindow = rows.filter((r) => r.day >= windowStart && r.day <= asOf);
  const breaches: Breach[] = [];
  const endpoints: EndpointHealth[] = [];

  for (const [endpoint, list] of groupByEndpoint(inWindow)) {
    const sorted = [...list].sort((a, b) => (a.day < b.day ? -1 : 1));
    for (const row of sorted) {
      const daily = dailyAvailabilityVerdict(row, rules);
      if (daily.passed === false) breaches.push({ rule: "availability.daily", endpoint, day: row.day, verdict: daily });
      const latency = latencyVerdict(row, rules);
      if (latency.passed === false) breaches.push({ rule: "latency.p95", endpoint, day: row.day, verdict: latency });
    }
    const window = windowAvailabilityVerdict(sorted, asOf, rules);
    if (window.passed === false) breaches.push({ rule: "availability.window", endpoint, day: asOf, verdict: window });
    const last = sorted.at(-1);
    endpoints.push({
      endpoint,
      endpointClass: endpointClassOf(endpoint, rules),
      window,
      burn: burnRateVerdict(sorted, asOf, rules),
      latest: last ? { day: last.day, latency: latencyVerdict(last, rules), daily: dailyAvailabilityVerdict(last, rules) } : null,
    });
  }

  breaches.sort((a, b) => (a.day === b.day ? a.endpoint.localeCompare(b.endpoint) : a.day < b.day ? 1 : -1));
  const currentBreaches = breaches.filter((b) => b.rule === "availability.window" || b.day >= recentFrom);
  const judgedWindows = endpoints.filter((e) => e.window.judged);
  const budget = judgedWindows.reduce<(WindowVerdict & { endpoint: string }) | null>(
    (least, e) => (least === null || e.window.remainingSeconds < least.remainingSeconds ? { ...e.window, endpoint: e.endpoint } : least),
    null,
  );
  const burning = endpoints.filter((e) => e.burn.burnRate !== null);
  const fastestBurn = burning.reduce<(BurnRateVerdict & { endpoint: string }) | null>(
    (top, e) => (top === null || (e.burn.burnRate ?? 0) > (top.burnRate ?? 0) ? { ...e.burn, endpoint: e.endpoint } : top),
    null,
  );
  const status: HealthStatus =
    inWindow.length === 0
      ? "NO_DATA"
      : currentBreaches.length > 0
        ? "BREACHING"
        : endpoints.some((e) => e.burn.fastBurn)
          ? "AT_RISK"
          : "HEALTHY";
  return {
    asOf,
    rulesVersion: rules.version,
    status,
    currentBreaches,
    breaches,
    budget,
    fastestBurn,
    endpoints: endpoints.sort((a, b) => a.endpoint.localeCompare(b.endpoint)),
    days: chartDays(inWindow, rules),
  };
}
