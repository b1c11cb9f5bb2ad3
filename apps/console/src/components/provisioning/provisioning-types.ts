// The shapes of the provisioning screens, read from the API's router types.
import { PENDING_OPERATION_STATUSES } from "@opus/rules/environment-operations";
import type { RouterOutputs } from "@/lib/router-types";

export type EnvironmentRow = RouterOutputs["environments"]["find"][number];
export type Run = RouterOutputs["environments"]["findOperations"][number];
export type Operation = RouterOutputs["environments"]["getOperation"];
export type OperationKind = Operation["kind"];
export type OperationStatus = Operation["status"];
export type InstallBundle = RouterOutputs["environments"]["installBundle"];

/** A run that has not ended: the screens poll while one is shown. */
export function isActive(status: OperationStatus): boolean {
  return PENDING_OPERATION_STATUSES.some((pending) => pending === status);
}

/** Polling interval while something is in progress (the log is tailed at the same pace). */
export const LIVE_POLL_MS = 1_000;
