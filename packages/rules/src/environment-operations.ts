// Which operation may run on which environment, in one place. The API checks it when an operation
// is requested (to answer the person clearly) and again when a worker starts it (the tenant may have
// changed in between, e.g. an upgrade queued before the tenant was offboarded); the console asks
// the same functions which buttons to offer. Pure: a refusal is data, the API turns it into an error.
import type { DeploymentMode, InstitutionStatus as TenantStatus } from "./enums.ts";
import { canTransitionEnvironment, type EnvironmentStatus } from "./environment-lifecycle.ts";
import type { Refusal } from "./refusal.ts";

export const OPERATION_KINDS = ["PREVIEW", "UP", "REFRESH", "DESTROY"] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** Operations that have not ended: a worker may still pick them up or is running them. */
export const PENDING_OPERATION_STATUSES = ["QUEUED", "RUNNING"] as const;

export type OperationTenant = {
  slug: string;
  status: TenantStatus;
  deploymentMode: DeploymentMode | null;
  retentionUntil: Date | null;
};
export type OperationEnvironment = { kind: string; status: EnvironmentStatus };

const VERB: Record<OperationKind, string> = { PREVIEW: "preview", UP: "deploy", REFRESH: "check for drift", DESTROY: "destroy" };
const LIVE_TENANT: readonly TenantStatus[] = ["APPROVED", "PROVISIONING", "ACTIVE"];
const INSPECTABLE_TENANT: readonly TenantStatus[] = [...LIVE_TENANT, "SUSPENDED", "OFFBOARDING"];
/** A self-managed tenant installs the platform itself once Opus approved it. */
const BUNDLE_TENANT: readonly TenantStatus[] = ["APPROVED", "ACTIVE"];

const invalid = (message: string): Refusal => ({ code: "INVALID_TRANSITION", message });

/** Opus operates SaaS and managed tenants only, and only once their mode is chosen. */
function modeRefusal(tenant: OperationTenant): Refusal | null {
  if (tenant.deploymentMode === "SELF_MANAGED") {
    return {
      code: "PRECONDITION_FAILED",
      message: `${tenant.slug} is self-managed: the customer runs the platform in their own cloud, so Opus never provisions it.`,
    };
  }
  if (!tenant.deploymentMode) return { code: "PRECONDITION_FAILED", message: `Choose a deployment mode for ${tenant.slug} first.` };
  return null;
}

/** What the tenant's status and retention decide, whatever the environment. */
function tenantStatusRefusal(kind: OperationKind, tenant: OperationTenant, now: Date): Refusal | null {
  switch (kind) {
    case "DESTROY":
      // Destruction is the last step of offboarding, never a button on a live tenant.
      if (tenant.status !== "OFFBOARDING") {
        return invalid(
          `Environments are destroyed only while offboarding: offboard ${tenant.slug} first (it is ${tenant.status.toLowerCase()}).`,
        );
      }
      if (tenant.retentionUntil && tenant.retentionUntil > now) {
        return {
          code: "PRECONDITION_FAILED",
          message: `${tenant.slug}'s data is retained until ${tenant.retentionUntil.toISOString()}; destroy it after that.`,
        };
      }
      return null;
    case "UP":
      return LIVE_TENANT.includes(tenant.status)
        ? null
        : invalid(`Cannot deploy ${tenant.slug} while it is ${tenant.status.toLowerCase()}.`);
    case "PREVIEW":
    case "REFRESH":
      return INSPECTABLE_TENANT.includes(tenant.status)
        ? null
        : invalid(`Cannot ${VERB[kind]} ${tenant.slug} while it is ${tenant.status.toLowerCase()}.`);
  }
}

/** Whether the tenant allows `kind` at all, before looking at any environment (the console shows or hides its operator panel). */
export function tenantRefusal(kind: OperationKind, tenant: OperationTenant, now: Date): Refusal | null {
  return modeRefusal(tenant) ?? tenantStatusRefusal(kind, tenant, now);
}

/** Whether `kind` may run on this environment of this tenant now: null, or why not. */
export function operationRefusal(
  kind: OperationKind,
  tenant: OperationTenant,
  environment: OperationEnvironment,
  now: Date,
): Refusal | null {
  const what = `${tenant.slug} (${environment.kind.toLowerCase()})`;
  const status = environment.status;
  const mode = modeRefusal(tenant);
  if (mode) return mode;
  if (status === "DESTROYED") return invalid(`Cannot ${VERB[kind]} ${what}: it is destroyed.`);
  const refusal = tenantStatusRefusal(kind, tenant, now);
  if (refusal) return refusal;
  switch (kind) {
    case "DESTROY":
      // PENDING: nothing was created, the worker closes it; DESTROYING: a destroy that is resumed.
      if (status !== "PENDING" && status !== "DESTROYING" && !canTransitionEnvironment(status, "DESTROYING")) {
        return invalid(`Cannot destroy ${what} while it is ${status.toLowerCase()}.`);
      }
      return null;
    case "UP":
      // PROVISIONING: a deploy that is resumed after a retry or a takeover.
      if (status !== "PROVISIONING" && !canTransitionEnvironment(status, "PROVISIONING")) {
        return invalid(`Cannot deploy ${what} while it is ${status.toLowerCase()}.`);
      }
      return null;
    case "PREVIEW":
    case "REFRESH":
      if (status === "DESTROYING") return invalid(`Cannot ${VERB[kind]} ${what} while it is being destroyed.`);
      if (kind === "REFRESH" && status === "PENDING") return invalid(`Cannot check ${what} for drift: nothing is deployed yet.`);
      return null;
  }
}

/** Self-managed tenants get an install bundle instead of operations: null, or why not. */
export function installBundleRefusal(tenant: Pick<OperationTenant, "status" | "deploymentMode">): Refusal | null {
  if (tenant.deploymentMode !== "SELF_MANAGED") {
    return {
      code: "PRECONDITION_FAILED",
      message: "Install bundles are for self-managed institutions: Opus runs the platform for the others.",
    };
  }
  if (!BUNDLE_TENANT.includes(tenant.status)) {
    return { code: "PRECONDITION_FAILED", message: "The install bundle is available once Opus has approved the institution." };
  }
  return null;
}
