// The per-environment status machine (one Pulumi stack per environment), shared by the API (which
// enforces it on every status write) and the console (which offers only what it allows). Statuses
// are moved by the provisioning worker and a few tenant decisions, so the table names target
// statuses rather than events.

export const ENVIRONMENT_STATUSES = ["PENDING", "PROVISIONING", "ACTIVE", "SUSPENDED", "FAILED", "DESTROYING", "DESTROYED"] as const;
export type EnvironmentStatus = (typeof ENVIRONMENT_STATUSES)[number];

/**
 * Every allowed move, in one place. Two moves beyond the basic flow keep teardown from
 * deadlocking (a common control-plane failure):
 * - PENDING → DESTROYED: an environment never provisioned has no resources to destroy, so
 *   offboarding a tenant whose environments never started does not wait on a stack that does not exist;
 * - DESTROYING → FAILED: a destroy that fails is shown as FAILED with its operation's error, and
 *   FAILED → DESTROYING retries it, instead of sitting in DESTROYING forever.
 */
export const ENVIRONMENT_TRANSITIONS: Record<EnvironmentStatus, readonly EnvironmentStatus[]> = {
  PENDING: ["PROVISIONING", "DESTROYED"],
  PROVISIONING: ["ACTIVE", "FAILED"],
  ACTIVE: ["PROVISIONING", "SUSPENDED", "DESTROYING"], // PROVISIONING again = an upgrade
  SUSPENDED: ["ACTIVE", "DESTROYING"],
  FAILED: ["PROVISIONING", "DESTROYING"], // PROVISIONING again = a retry
  DESTROYING: ["DESTROYED", "FAILED"],
  DESTROYED: [],
};

export function canTransitionEnvironment(from: EnvironmentStatus, to: EnvironmentStatus): boolean {
  return ENVIRONMENT_TRANSITIONS[from].includes(to);
}

/** Why a move is refused, in the words the API answers with; null when it is allowed. */
export function environmentTransitionRefusal(from: EnvironmentStatus, to: EnvironmentStatus): string | null {
  return canTransitionEnvironment(from, to) ? null : `Cannot move an environment from ${from} to ${to}`;
}
