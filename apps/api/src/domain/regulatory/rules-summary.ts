// The thresholds in force, with their sources, as the console shows them beside each judgement.
import { CURRENT_RULES } from "@opus/rules/regulatory-thresholds";

export function rulesSummary() {
  const r = CURRENT_RULES;
  return {
    version: r.version,
    dailyAvailability: { minimumBasisPoints: r.dailyAvailability.minimumBasisPoints, source: r.dailyAvailability.source },
    windowAvailability: {
      minimumBasisPoints: r.windowAvailability.minimumBasisPoints,
      windowDays: r.windowAvailability.windowDays,
      source: r.windowAvailability.source,
    },
    scheduledOutageCounts: r.scheduledOutageCounts,
    burnRate: { lookbackDays: r.burnRate.lookbackDays, fastBurnAbove: r.burnRate.fastBurnAbove, source: r.burnRate.source },
    latency: { limitMs: r.latency.limitMs, source: r.latency.source },
    traffic: { minimumPerMinute: r.traffic.minimumPerMinute, source: r.traffic.source },
  };
}
