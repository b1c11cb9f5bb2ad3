// The per-environment status machine (one Pulumi stack per environment). Statuses are moved by
// the provisioning worker, so this table names target statuses rather than events.
import { AppError } from "../../errors/app-error.ts";

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

/** Returns `to` when the move is allowed; throws AppError INVALID_TRANSITION otherwise. */
export function transitionEnvironment(from: EnvironmentStatus, to: EnvironmentStatus): EnvironmentStatus {
  if (!canTransitionEnvironment(from, to)) {
    throw new AppError("INVALID_TRANSITION", `Cannot move an environment from ${from} to ${to}`);
  }
  return to;
}
