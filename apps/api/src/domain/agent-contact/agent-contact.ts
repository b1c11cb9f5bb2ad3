// The agent's last contact, written by a managed account's claims and by the heartbeats a
// self-managed installation's report-only agent forwards. Agents call every few seconds, so the
// stored contact is rewritten only when it is older than the refresh of @opus/rules/agent-contact
// (or the version changed, so an upgrade shows at once): one conditional UPDATE, no read first.
import { AGENT_CONTACT_REFRESH_MS } from "@opus/rules/agent-contact";

/** The rows whose stored contact is due a rewrite (managed_account and environment name the columns alike). */
export function contactDue(now: Date, version: string) {
  return [
    { agentSeenAt: null },
    { agentSeenAt: { lt: new Date(now.getTime() - AGENT_CONTACT_REFRESH_MS) } },
    { agentVersion: { not: version } },
    { agentVersion: null },
  ];
}

/** The longest version a claim may carry: the console shows it, and so it is bounded the same. */
export const AGENT_VERSION_MAX = 50;

/**
 * The agent's version from the User-Agent its control-plane client sends (`opus-agent/<version>`),
 * or null when the call did not come through the agent (the installation posting directly).
 */
export function agentVersionOf(userAgent: string | null | undefined): string | null {
  const match = /^opus-agent\/(\S+)$/.exec(userAgent ?? "");
  const version = match?.[1];
  return version && version.length <= AGENT_VERSION_MAX ? version : null;
}
