// Which operator buttons to offer: the API's own operation rules (@opus/rules/environment-operations),
// asked with the data on screen. The API stays the authority: it checks again on every request
// (the tenant may have changed since the page loaded), and the console shows its reason.
import { type OperationKind, operationRefusal, tenantRefusal } from "@opus/rules/environment-operations";
import type { InstitutionDetail } from "@/lib/router-types";
import type { EnvironmentRow } from "./provisioning-types";

type Institution = Pick<InstitutionDetail, "slug" | "status" | "deploymentMode" | "retentionUntil">;

/** Opus previews and checks SaaS and managed institutions once approved; self-managed ones never. */
export function isOperable(institution: Institution): boolean {
  return tenantRefusal("PREVIEW", institution, new Date()) === null;
}

/** Whether the API would accept `kind` on this environment now. */
export function allows(kind: OperationKind, institution: Institution, environment: EnvironmentRow, now: Date): boolean {
  return operationRefusal(kind, institution, environment, now) === null;
}

/** Destruction is the last step of offboarding, after the retention period. */
export function destroyState(institution: Institution, environment: EnvironmentRow, now: Date): "hidden" | "waiting" | "allowed" {
  if (allows("DESTROY", institution, environment, now)) return "allowed";
  // Allowed but for the retention period: say until when, instead of hiding the step.
  return allows("DESTROY", { ...institution, retentionUntil: null }, environment, now) ? "waiting" : "hidden";
}
