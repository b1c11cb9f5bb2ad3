// Which records belong to a tenant, and how a row names its institution. Every model of the schema
// is listed (a test compares this with Prisma's model list), so a new model cannot be reached
// through the scoped client before someone decides whether it is a tenant's.
import type { Prisma } from "@opus/db/client";

export type TenantOwnership =
  /** The tenant itself: the scope is its id. */
  | { kind: "institution" }
  /** Has an `institutionId` column. */
  | { kind: "direct" }
  /** Belongs to a tenant through a parent; `filter` reaches the institution through relations. */
  | { kind: "relation"; filter: (institutionId: string) => Record<string, unknown> }
  /** Shared by all tenants (people, plans, sign-up requests, auth tables). */
  | { kind: "global" };

export const TENANT_MODELS = {
  Institution: { kind: "institution" },
  Brand: { kind: "direct" },
  Contact: { kind: "direct" },
  ManagedAccount: { kind: "direct" },
  Membership: { kind: "direct" },
  Invitation: { kind: "direct" },
  Environment: { kind: "direct" },
  Certificate: { kind: "direct" },
  ApprovalRequest: { kind: "direct" },
  AuditEvent: { kind: "direct" },
  ApiKey: { kind: "direct" },
  UsageReport: { kind: "direct" },
  UsageAdjustment: { kind: "direct" },
  UsageCorrection: { kind: "direct" },
  EndpointMetricDay: { kind: "direct" },
  EndpointMetricRevision: { kind: "direct" },
  GoLivePlan: { kind: "direct" },
  GoLiveStageRecord: { kind: "direct" },
  GoLiveEvidence: { kind: "direct" },
  HealthIncident: { kind: "direct" },
  // Opus operations' own notifications have no institution, so no tenant's scope ever reaches them.
  Notification: { kind: "direct" },
  NoticeOutbox: { kind: "direct" },
  NotificationRead: { kind: "relation", filter: (institutionId) => ({ notification: { institutionId } }) },
  Operation: { kind: "relation", filter: (institutionId) => ({ environment: { institutionId } }) },
  OperationLog: { kind: "relation", filter: (institutionId) => ({ operation: { environment: { institutionId } } }) },
  // The Opus dashboard's cache of each environment's health status.
  EnvironmentHealthCache: { kind: "relation", filter: (institutionId) => ({ environment: { institutionId } }) },
  User: { kind: "global" },
  Session: { kind: "global" },
  Account: { kind: "global" },
  Verification: { kind: "global" },
  TwoFactor: { kind: "global" },
  Plan: { kind: "global" },
  SignupRequest: { kind: "global" },
  Meter: { kind: "global" },
  PlanPriceVersion: { kind: "global" },
  // The audit chain spans every tenant: its head and checkpoints are the platform's.
  AuditChainHead: { kind: "global" },
  AuditCheckpoint: { kind: "global" },
  // Opus' releases and fleet switches are not a tenant's; rollouts span tenants (a target names its institution).
  Release: { kind: "global" },
  FleetControl: { kind: "global" },
  Rollout: { kind: "global" },
  RolloutWave: { kind: "global" },
  RolloutTarget: { kind: "direct" },
} as const satisfies Record<Prisma.ModelName, TenantOwnership>;

/** The where-filter that keeps a query on `model` inside one institution, or null for global models. */
export function scopeFilter(model: string, institutionId: string): Record<string, unknown> | null | undefined {
  const ownership: TenantOwnership | undefined = (TENANT_MODELS as Record<string, TenantOwnership>)[model];
  if (!ownership) return undefined;
  switch (ownership.kind) {
    case "institution":
      return { id: institutionId };
    case "direct":
      return { institutionId };
    case "relation":
      return ownership.filter(institutionId);
    case "global":
      return null;
  }
}

export function isDirectlyOwned(model: string): boolean {
  return (TENANT_MODELS as Record<string, TenantOwnership>)[model]?.kind === "direct";
}
