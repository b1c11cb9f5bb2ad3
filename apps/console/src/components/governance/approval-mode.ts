import { DEPLOYMENT_MODES } from "@opus/rules/enums";
import type { Approval, DeploymentMode } from "@/lib/router-types";

/** The new deployment mode a CHANGE_MODE request asks for (kept in its JSON payload). */
export function approvalMode(approval: Approval): DeploymentMode | null {
  const payload = approval.payload;
  if (typeof payload !== "object" || payload === null || Array.isArray(payload)) return null;
  const mode = (payload as Record<string, unknown>).deploymentMode;
  return DEPLOYMENT_MODES.find((m) => m === mode) ?? null;
}
