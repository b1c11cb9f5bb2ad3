import { describe, expect, it } from "vitest";
import { ENVIRONMENT_STATUSES, type EnvironmentStatus } from "../src/environment-lifecycle.ts";
import {
  attemptCount,
  driftState,
  installBundleRefusal,
  OPERATION_KINDS,
  type OperationKind,
  type OperationTenant,
  operationRefusal,
  tenantRefusal,
} from "../src/environment-operations.ts";

const NOW = new Date("2026-12-01T12:00:00Z");
const TENANT_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "REJECTED",
  "APPROVED",
  "PROVISIONING",
  "ACTIVE",
  "SUSPENDED",
  "OFFBOARDING",
  "OFFBOARDED",
] as const satisfies readonly OperationTenant["status"][];

const tenant = (over: Partial<OperationTenant> = {}): OperationTenant => ({
  slug: "banco-x",
  status: "ACTIVE",
  deploymentMode: "SAAS",
  retentionUntil: null,
  ...over,
});
const env = (status: EnvironmentStatus) => ({ kind: "PRODUCTION", status });

// Written out independently of the module: where each operation may run on an Opus-operated tenant
// (retention passed). Anything not listed must be refused.
const ALLOWED: Record<OperationKind, { tenant: readonly string[]; environment: readonly EnvironmentStatus[] }> = {
  UP: { tenant: ["APPROVED", "PROVISIONING", "ACTIVE"], environment: ["PENDING", "PROVISIONING", "ACTIVE", "FAILED"] },
  PREVIEW: {
    tenant: ["APPROVED", "PROVISIONING", "ACTIVE", "SUSPENDED", "OFFBOARDING"],
    environment: ["PENDING", "PROVISIONING", "ACTIVE", "SUSPENDED", "FAILED"],
  },
  REFRESH: {
    tenant: ["APPROVED", "PROVISIONING", "ACTIVE", "SUSPENDED", "OFFBOARDING"],
    environment: ["PROVISIONING", "ACTIVE", "SUSPENDED", "FAILED"],
  },
  DESTROY: { tenant: ["OFFBOARDING"], environment: ["PENDING", "ACTIVE", "SUSPENDED", "FAILED", "DESTROYING"] },
};

const CASES = OPERATION_KINDS.flatMap((kind) =>
  TENANT_STATUSES.flatMap((status) => ENVIRONMENT_STATUSES.map((environment) => [kind, status, environment] as const)),
);

describe("operationRefusal: every kind × tenant status × environment status", () => {
  it("covers 4 × 9 × 7 cases", () => expect(CASES).toHaveLength(252));

  it.each(CASES)("%s on a %s tenant's %s environment", (kind, status, environment) => {
    const refusal = operationRefusal(kind, tenant({ status }), env(environment), NOW);
    const allowed = ALLOWED[kind].tenant.includes(status) && ALLOWED[kind].environment.includes(environment);
    if (allowed) expect(refusal).toBeNull();
    else expect(refusal?.code).toBe("INVALID_TRANSITION");
    // The console's operator panel follows the tenant part alone.
    expect(tenantRefusal(kind, tenant({ status }), NOW) === null).toBe(ALLOWED[kind].tenant.includes(status));
  });
});

describe("operationRefusal: tenant mode and retention", () => {
  it("refuses every operation on a self-managed tenant, and before a mode is chosen", () => {
    for (const kind of OPERATION_KINDS) {
      expect(operationRefusal(kind, tenant({ deploymentMode: "SELF_MANAGED" }), env("ACTIVE"), NOW)).toEqual({
        code: "PRECONDITION_FAILED",
        message: "banco-x is self-managed: the customer runs the platform in their own cloud, so Opus never provisions it.",
      });
      expect(operationRefusal(kind, tenant({ deploymentMode: null }), env("ACTIVE"), NOW)).toEqual({
        code: "PRECONDITION_FAILED",
        message: "Choose a deployment mode for banco-x first.",
      });
    }
  });

  it("allows managed tenants like SaaS ones", () => {
    expect(operationRefusal("UP", tenant({ deploymentMode: "MANAGED" }), env("ACTIVE"), NOW)).toBeNull();
  });

  it("refuses destruction until the retention period ends, to the millisecond", () => {
    const offboarding = (retentionUntil: Date) => tenant({ status: "OFFBOARDING", retentionUntil });
    expect(operationRefusal("DESTROY", offboarding(new Date(NOW.getTime() + 1)), env("ACTIVE"), NOW)).toEqual({
      code: "PRECONDITION_FAILED",
      message: "banco-x's data is retained until 2026-12-01T12:00:00.001Z; destroy it after that.",
    });
    expect(operationRefusal("DESTROY", offboarding(NOW), env("ACTIVE"), NOW)).toBeNull();
  });

  it("names the tenant and the environment in what it says", () => {
    expect(operationRefusal("UP", tenant(), env("DESTROYING"), NOW)?.message).toBe(
      "Cannot deploy banco-x (production) while it is destroying.",
    );
    expect(operationRefusal("PREVIEW", tenant(), env("DESTROYED"), NOW)?.message).toBe(
      "Cannot preview banco-x (production): it is destroyed.",
    );
    expect(operationRefusal("REFRESH", tenant(), env("PENDING"), NOW)?.message).toBe(
      "Cannot check banco-x (production) for drift: nothing is deployed yet.",
    );
    expect(operationRefusal("DESTROY", tenant(), env("ACTIVE"), NOW)?.message).toBe(
      "Environments are destroyed only while offboarding: offboard banco-x first (it is active).",
    );
  });
});

describe("installBundleRefusal", () => {
  it.each(TENANT_STATUSES)("a self-managed %s tenant", (status) => {
    const refusal = installBundleRefusal({ status, deploymentMode: "SELF_MANAGED" });
    if (status === "APPROVED" || status === "ACTIVE") expect(refusal).toBeNull();
    else
      expect(refusal).toEqual({
        code: "PRECONDITION_FAILED",
        message: "The install bundle is available once Opus has approved the institution.",
      });
  });

  it("refuses tenants Opus operates", () => {
    for (const deploymentMode of ["SAAS", "MANAGED", null] as const) {
      expect(installBundleRefusal({ status: "ACTIVE", deploymentMode })?.code).toBe("PRECONDITION_FAILED");
    }
  });
});

describe("attemptCount", () => {
  it("says out of how many only while another attempt may still come", () => {
    expect(attemptCount({ status: "QUEUED", attempt: 1, maxAttempts: 5 })).toEqual({ attempt: 1, max: 5 });
    expect(attemptCount({ status: "RUNNING", attempt: 2, maxAttempts: 5 })).toEqual({ attempt: 2, max: 5 });
  });

  it("gives no maximum for an ended run", () => {
    for (const status of ["SUCCEEDED", "FAILED", "CANCELLED"]) {
      expect(attemptCount({ status, attempt: 1, maxAttempts: 5 })).toEqual({ attempt: 1, max: null });
    }
  });
});

describe("driftState", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 11, 3, 12, minute));
  it("says the last check failed when a check newer than the last successful one failed", () => {
    const latestCheck = { status: "FAILED", createdAt: at(30) };
    expect(driftState({ driftDetectedAt: null, lastRefreshAt: at(10), latestCheck })).toBe("check-failed");
    expect(driftState({ driftDetectedAt: at(10), lastRefreshAt: at(10), latestCheck })).toBe("check-failed");
    expect(driftState({ driftDetectedAt: null, lastRefreshAt: null, latestCheck })).toBe("check-failed");
  });

  it("reads the last successful check otherwise", () => {
    const older = { status: "FAILED", createdAt: at(5) };
    expect(driftState({ driftDetectedAt: null, lastRefreshAt: at(10), latestCheck: older })).toBe("no-drift");
    expect(driftState({ driftDetectedAt: at(10), lastRefreshAt: at(10), latestCheck: null })).toBe("drift");
    expect(driftState({ driftDetectedAt: null, lastRefreshAt: null, latestCheck: null })).toBe("never-checked");
    expect(driftState({ driftDetectedAt: null, lastRefreshAt: null, latestCheck: { status: "QUEUED", createdAt: at(1) } })).toBe(
      "checking",
    );
  });
});
