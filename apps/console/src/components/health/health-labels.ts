// Message keys for the health rules' values: rule ids and "rests on" figures come from
// @opus/rules/environment-health in English; the console names them in the person's language.
import type { RouterOutputs } from "@/lib/router-types";

export type EnvironmentHealth = RouterOutputs["health"]["environment"];
export type Breach = EnvironmentHealth["health"]["breaches"][number];
export type HealthStatus = EnvironmentHealth["health"]["status"];
export type FleetItem = RouterOutputs["health"]["fleet"]["items"][number];

/** next-intl nests keys on dots, so "availability.daily" is looked up as "availability_daily". */
const RULE_KEYS = {
  "availability.daily": "availability_daily",
  "availability.window": "availability_window",
  "latency.p95": "latency_p95",
  "availability.burn": "availability_burn",
} as const;

export function ruleKey(rule: keyof typeof RULE_KEYS) {
  return RULE_KEYS[rule];
}

type RestsOnKey = "downtimeWithScheduled" | "downtimePartial" | "noAvailability" | "reportedP95" | "averageOnly" | "unclassified";

const RESTS_ON_KEYS: Record<string, RestsOnKey> = {
  "downtime seconds (partial + scheduled)": "downtimeWithScheduled",
  "downtime seconds (partial only)": "downtimePartial",
  "no availability figures for this day": "noAvailability",
  "no availability figures in the window": "noAvailability",
  "no availability figures in the lookback": "noAvailability",
  "reported p95": "reportedP95",
  "no p95 reported (only an average, which is not a percentile)": "averageOnly",
  "endpoint has no frequency class": "unclassified",
};

export function restsOnKey(restsOn: string): RestsOnKey {
  return RESTS_ON_KEYS[restsOn] ?? "noAvailability";
}

/** Whole minutes of a budget in seconds, truncated toward zero (never rounds an overrun away). */
export function budgetMinutes(seconds: number): number {
  return Math.trunc(seconds / 60);
}
