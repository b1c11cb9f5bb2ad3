// When an outbound agent counts as silent: the one rule the environment page, the dashboard and the
// API read. The control plane stores the agent's last contact at most every 30 s while it polls
// (the claim's write is throttled), so three missed refreshes mean it is not merely between writes.
export const AGENT_CONTACT_REFRESH_MS = 30_000;
export const AGENT_SILENT_AFTER_MS = 3 * AGENT_CONTACT_REFRESH_MS;

export type AgentContactState = "never" | "live" | "silent";

/**
 * A contact strictly before this instant is silent. The dashboard's query filters on it, so the
 * database and the pages judge with the same bound.
 */
export function agentSilentBefore(now: Date): Date {
  return new Date(now.getTime() - AGENT_SILENT_AFTER_MS);
}

/** `never`: no agent has called yet (just installed, or not at all); `silent`: last heard longer ago than the bound. */
export function agentContactState(lastContactAt: Date | null, now: Date): AgentContactState {
  if (!lastContactAt) return "never";
  return lastContactAt < agentSilentBefore(now) ? "silent" : "live";
}
