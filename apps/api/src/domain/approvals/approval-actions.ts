// What each four-eyes action needs to be possible, and what it does once a second person approves.
// Checked when requested and again when approved: the tenant may have changed in between. Applying
// is a compare-and-set on the status (and mode) that was checked, so two approvals racing on one
// tenant (say, a suspension and an offboarding) cannot both act on the state they each read.
import type { Enums, Prisma } from "@opus/db/client";
import { approvalStatusRefusal } from "@opus/rules/approval-applicability";
import { AppError } from "../../errors/app-error.ts";

import type { Logger } from "../../logger.ts";
import { moveTenantEnvironments } from "../environments/environment-lifecycle.ts";

import { markLive } from "../go-live/declare-go-live.ts";
import { INSTITUTION_CHANGED_MESSAGE, moveInstitution } from "../institutions/move-institution.ts";

export type ApprovalAction = Exclude<Enums.ApprovalAction, never>;
type Tx = Prisma.TransactionClient;
type Tenant = {
  id: string;
  status: Enums.InstitutionStatus;
  deploymentMode: Enums.DeploymentMode | null;
  retentionDays: number;
  environments: { status: Enums.EnvironmentStatus }[];
  goLivePlan?: { goLiveAt: Date | null } | null;
};

const PROVISIONED: Enums.EnvironmentStatus[] = ["PROVISIONING", "ACTIVE", "SUSPENDED", "DESTROYING", "FAILED"];

export function loadTenant(tx: Tx, institutionId: string) {
  return tx.institution.findUnique({
    where: { id: institutionId },
    select: {
      id: true,
      status: true,
      deploymentMode: true,
      retentionDays: true,
      legalName: true,
      environments: { select: { status: true } },
      goLivePlan: { select: { goLiveAt: true } },
    },
  });
}

/**
 * Throws unless `action` can apply to `tenant` now. Which tenant statuses allow it is the shared
 * rule (@opus/rules/approval-applicability, the console offers the same); the new mode and the
 * environments are checked here.
 */
export function assertApplicable(tenant: Tenant, action: ApprovalAction, payload: { deploymentMode?: Enums.DeploymentMode } | null) {
  if (action === "CHANGE_MODE") {
    if (!payload?.deploymentMode)
      throw new AppError("BAD_INPUT", "Choose the new deployment mode.", { fields: { deploymentMode: "required" } });
    if (payload.deploymentMode === tenant.deploymentMode)
      throw new AppError("BAD_INPUT", "The institution already uses this deployment mode.");
  }
  if (action === "GO_LIVE_OVERRIDE") {
    if (!tenant.goLivePlan) throw new AppError("PRECONDITION_FAILED", "This institution has no roadmap: open one before going live.");
    if (tenant.goLivePlan.goLiveAt) throw new AppError("CONFLICT", "The institution is already live.");
  }
  const refusal = approvalStatusRefusal(action, tenant.status);
  if (refusal) throw new AppError(refusal.code, refusal.message);
  if (action === "CHANGE_MODE" && tenant.environments.some((e) => PROVISIONED.includes(e.status))) {
    throw new AppError(
      "PRECONDITION_FAILED",
      "Environments are provisioned in the current mode: destroy them before changing the deployment mode.",
    );
  }
}

export async function applyAction(
  tx: Tx,
  tenant: Tenant,
  action: ApprovalAction,
  payload: { deploymentMode?: Enums.DeploymentMode } | null,
  now: Date,
  log: Logger,
  request: { reason: string; requestedById: string },
) {
  switch (action) {
    case "GO_LIVE_OVERRIDE":
      // Stages may be open: that is what the second person approved, and the reason says why.
      await markLive(tx, tenant.id, now, request.requestedById, request.reason);
      return;
    case "SUSPEND":
      await moveInstitution(tx, tenant, "suspend");
      await moveTenantEnvironments(tx, log, { institutionId: tenant.id, from: "ACTIVE", to: "SUSPENDED" });
      return;
    case "OFFBOARD":
      await moveInstitution(tx, tenant, "offboard", {
        offboardingStartedAt: now,
        retentionUntil: new Date(now.getTime() + tenant.retentionDays * 86_400_000),
      });
      return;
    case "CHANGE_MODE": {
      const mode = payload?.deploymentMode ?? null;
      const changed = await tx.institution.updateMany({
        where: { id: tenant.id, status: tenant.status, deploymentMode: tenant.deploymentMode },
        data: { deploymentMode: mode, ...(mode !== "SAAS" ? { region: null } : {}) },
      });
      if (changed.count !== 1) throw new AppError("CONFLICT", INSTITUTION_CHANGED_MESSAGE);
      if (mode !== "MANAGED") await tx.managedAccount.deleteMany({ where: { institutionId: tenant.id } });
      return;
    }
    case "DELETE": {
      const deleted = await tx.institution.deleteMany({ where: { id: tenant.id, status: tenant.status } });
      if (deleted.count !== 1) throw new AppError("CONFLICT", INSTITUTION_CHANGED_MESSAGE);
      return;
    }
  }
}
