// Which operator buttons to offer, following the API's operation rules
// (packages/rules/src/environment-operations.ts). The API stays the authority: it
// refuses anything else, and the console shows its reason.
import type { InstitutionDetail } from "@/lib/router-types";
import type { EnvironmentRow } from "./provisioning-types";

type Institution = Pick<InstitutionDetail, "status" | "deploymentMode" | "retentionUntil">;

const INSPECTABLE_TENANT: readonly InstitutionDetail["status"][] = ["APPROVED", "PROVISIONING", "ACTIVE", "SUSPENDED", "OFFBOARDING"];
const DESTROYABLE: readonly EnvironmentRow["status"][] = ["PENDING", "ACTIVE", "SUSPENDED", "FAILED", "DESTROYING"];

/** Opus provisions SaaS and managed institutions once approved; self-managed ones never. */
export function isOperable(institution: Institution): boolean {
  return (
    institution.deploymentMode !== null && institution.deploymentMode !== "SELF_MANAGED" && INSPECTABLE_TENANT.includes(institution.status)
  );
}

/** Preview and drift check: any environment that exists and is not being destroyed. */
export function canInspect(environment: EnvironmentRow): boolean {
  return environment.status !== "DESTROYED" && environment.status !== "DESTROYING";
}

/** Destruction is the last step of offboarding, after the retention period. */
export function destroyState(institution: Institution, environment: EnvironmentRow, now: Date): "hidden" | "waiting" | "allowed" {
  if (institution.status !== "OFFBOARDING" || !DESTROYABLE.includes(environment.status)) return "hidden";
  return institution.retentionUntil && institution.retentionUntil > now ? "waiting" : "allowed";
}
