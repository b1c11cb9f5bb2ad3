// Verdicts of one endpoint's reported figures against the regulatory thresholds. Integer arithmetic
// only (seconds and basis points, compared by cross-multiplication), so "exactly 95%" is exactly 95%.
// Every verdict says which figure it rests on, and a verdict that cannot be reached says why instead
// of guessing: an average is never judged as if it were a percentile.
import { CURRENT_RULES, type EndpointClass, type RegulatoryRules } from "./regulatory-thresholds.ts";

const BASIS = 10_000;

/** One São Paulo day of one endpoint; downtime is null when the report carried no availability for it. */
export type EndpointDay = {
  day: string;
  partialDowntimeSeconds: number | null;
  scheduledOutageSeconds: number | null;
};

export type AvailabilityBasis = "downtime seconds (partial + scheduled)" | "downtime seconds (partial only)";

function basisOf(rules: RegulatoryRules): AvailabilityBasis {
  return rules.scheduledOutageCounts.value ? "downtime seconds (partial + scheduled)" : "downtime seconds (partial only)";
}

/** Seconds of the day counted against availability, or null when the day has no availability figures. */
export function countedDowntimeSeconds(day: EndpointDay, rules: RegulatoryRules = CURRENT_RULES): number | null {
  if (day.partialDowntimeSeconds === null) return null;
  const scheduled = rules.scheduledOutageCounts.value ? (day.scheduledOutageSeconds ?? 0) : 0;
  return Math.min(rules.daySeconds, day.partialDowntimeSeconds + scheduled);
}

/** `up / total` as a percentage with four decimals, truncated (the comparison itself is exact). */
export function percentText(upSeconds: number, totalSeconds: number): string {
  const millionths = Math.floor((upSeconds * 1_000_000) / totalSeconds);
  return `${Math.floor(millionths / 10_000)}.${String(millionths % 10_000).padStart(4, "0")}`;
}

export type DailyAvailabilityVerdict = {
  rule: "availability.daily";
  day: string;
  judged: boolean;
  passed: boolean | null;
  downtimeSeconds: number | null;
  availabilityPercent: string | null;
  minimumPercent: string;
  restsOn: AvailabilityBasis | "no availability figures for this day";
};

export function dailyAvailabilityVerdict(day: EndpointDay, rules: RegulatoryRules = CURRENT_RULES): DailyAvailabilityVerdict {
  const minimumPercent = percentText(rules.dailyAvailability.minimumBasisPoints, BASIS);
  const downtime = countedDowntimeSeconds(day, rules);
  if (downtime === null) {
    return {
      rule: "availability.daily",
      day: day.day,
      judged: false,
      passed: null,
      downtimeSeconds: null,
      availabilityPercent: null,
      minimumPercent,
      restsOn: "no availability figures for this day",
    };
  }
  const up = rules.daySeconds - downtime;
  return {
    rule: "availability.daily",
    day: day.day,
    judged: true,
    passed: up * BASIS >= rules.dailyAvailability.minimumBasisPoints * rules.daySeconds,
    downtimeSeconds: downtime,
    availabilityPercent: percentText(up, rules.daySeconds),
    minimumPercent,
    restsOn: basisOf(rules),
  };
}

/** Calendar arithmetic on "YYYY-MM-DD" (no time zone: the day is already a São Paulo day). */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

type Coverage = { covered: number; consumed: number };

function coverage(days: EndpointDay[], from: string, to: string, rules: RegulatoryRules): Coverage {
  let covered = 0;
  let consumed = 0;
  for (const day of days) {
    if (day.day < from || day.day > to) continue;
    const downtime = countedDowntimeSeconds(day, rules);
    if (downtime === null) continue;
    covered += 1;
    consumed += downtime;
  }
  return { covered, consumed };
}

/** Allowed downtime for `covered` days, scaled by BASIS so it stays an integer. */
function allowedScaled(covered: number, rules: RegulatoryRules): number {
  return covered * rules.daySeconds * (BASIS - rules.windowAvailability.minimumBasisPoints);
}

export type WindowVerdict = {
  rule: "availability.window";
  windowStart: string;
  windowEnd: string;
  windowDays: number;
  /** Days of the window with availability figures; missing days are assumed neither up nor down. */
  coveredDays: number;
  missingDays: number;
  consumedSeconds: number;
  allowedSeconds: number;
  /** Allowed minus consumed (negative once breached), truncated to whole seconds. */
  remainingSeconds: number;
  judged: boolean;
  passed: boolean | null;
  availabilityPercent: string | null;
  minimumPercent: string;
  restsOn: AvailabilityBasis | "no availability figures in the window";
};

export function windowAvailabilityVerdict(days: EndpointDay[], endDay: string, rules: RegulatoryRules = CURRENT_RULES): WindowVerdict {
  const windowDays = rules.windowAvailability.windowDays;
  const windowStart = addDays(endDay, -(windowDays - 1));
  const { covered, consumed } = coverage(days, windowStart, endDay, rules);
  const allowed = allowedScaled(covered, rules);
  const remainingScaled = allowed - consumed * BASIS;
  return {
    rule: "availability.window",
    windowStart,
    windowEnd: endDay,
    windowDays,
    coveredDays: covered,
    missingDays: windowDays - covered,
    consumedSeconds: consumed,
    allowedSeconds: Math.floor(allowed / BASIS),
    remainingSeconds: Math.trunc(remainingScaled / BASIS),
    judged: covered > 0,
    passed: covered > 0 ? remainingScaled >= 0 : null,
    availabilityPercent: covered > 0 ? percentText(covered * rules.daySeconds - consumed, covered * rules.daySeconds) : null,
    minimumPercent: percentText(rules.windowAvailability.minimumBasisPoints, BASIS),
    restsOn: covered > 0 ? basisOf(rules) : "no availability figures in the window",
  };
}

export type BurnRateVerdict = {
  rule: "availability.burn";
  from: string;
  to: string;
  coveredDays: number;
  consumedSeconds: number;
  /** Consumed over allowed for the same days: 1 spends the budget exactly as fast as the window allows. */
  burnRate: number | null;
  fastBurn: boolean;
  restsOn: AvailabilityBasis | "no availability figures in the lookback";
};

export function burnRateVerdict(days: EndpointDay[], endDay: string, rules: RegulatoryRules = CURRENT_RULES): BurnRateVerdict {
  const from = addDays(endDay, -(rules.burnRate.lookbackDays - 1));
  const { covered, consumed } = coverage(days, from, endDay, rules);
  const allowed = allowedScaled(covered, rules);
  const rate = covered > 0 ? Math.round(((consumed * BASIS) / allowed) * 100) / 100 : null;
  return {
    rule: "availability.burn",
    from,
    to: endDay,
    coveredDays: covered,
    consumedSeconds: consumed,
    burnRate: rate,
    // Exact: consumed / allowed > fastBurnAbove, cross-multiplied.
    fastBurn: covered > 0 && consumed * BASIS > rules.burnRate.fastBurnAbove * allowed,
    restsOn: covered > 0 ? basisOf(rules) : "no availability figures in the lookback",
  };
}

/** The path of an endpoint given as a URL or a URI. */
function pathOf(endpoint: string): string {
  try {
    return new URL(endpoint).pathname;
  } catch {
    return endpoint.split("?")[0] ?? endpoint;
  }
}

export function endpointClassOf(endpoint: string, rules: RegulatoryRules = CURRENT_RULES): EndpointClass | null {
  const path = pathOf(endpoint);
  return rules.endpointClasses.find((c) => c.pattern.test(path))?.endpointClass ?? null;
}

export type LatencyVerdict = {
  rule: "latency.p95";
  day: string;
  endpointClass: EndpointClass | null;
  limitMs: number | null;
  judged: boolean;
  passed: boolean | null;
  /** The percentile the verdict rests on, or why there is none. The average is context, never the basis. */
  restsOn: "reported p95" | "no p95 reported (only an average, which is not a percentile)" | "endpoint has no frequency class";
  p95Ms: number | null;
  averageMs: number;
};

export function latencyVerdict(
  figures: { day: string; endpoint: string; p95ResponseMs: number | null; averageResponseMs: number },
  rules: RegulatoryRules = CURRENT_RULES,
): LatencyVerdict {
  const endpointClass = endpointClassOf(figures.endpoint, rules);
  const base = {
    rule: "latency.p95" as const,
    day: figures.day,
    endpointClass,
    p95Ms: figures.p95ResponseMs,
    averageMs: figures.averageResponseMs,
  };
  if (endpointClass === null) {
    return { ...base, limitMs: null, judged: false, passed: null, restsOn: "endpoint has no frequency class" };
  }
  const limitMs = rules.latency.limitMs[endpointClass];
  if (figures.p95ResponseMs === null) {
    return { ...base, limitMs, judged: false, passed: null, restsOn: "no p95 reported (only an average, which is not a percentile)" };
  }
  return { ...base, limitMs, judged: true, passed: figures.p95ResponseMs <= limitMs, restsOn: "reported p95" };
}

/** Whether a per-origin traffic limit an installation configured allows at least the regulatory minimum. */
export function trafficLimitVerdict(endpointClass: EndpointClass, configuredPerMinute: number, rules: RegulatoryRules = CURRENT_RULES) {
  const minimumPerMinute = rules.traffic.minimumPerMinute[endpointClass];
  return { rule: rules.traffic.id, endpointClass, configuredPerMinute, minimumPerMinute, passed: configuredPerMinute >= minimumPerMinute };
}
