// What each four-eyes action needs to be possible, and what it does once a second person approves.
// Checked when requested and again when approved: the tenant may have changed in between. Applying
// is a compare-and-set on the status (and mode) that was checked, so two approvals racing on one
// tenant (say, a suspension and an offboarding) cannot both act on the state they each read.
import type { Enums, Prisma } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import type { Logger } from "../../logger.ts";
import { moveTenantEnvironments } from "../environments/environment-lifecycle.ts";
import { transition } from "../institutions/lifecycle.ts";
import { INSTITUTION_CHANGED_MESSAGE, moveInstitution } from "../institutions/move-institution.ts";

export type ApprovalAction = Exclude<Enums.ApprovalAction, never>;
type Tx = Prisma.TransactionClient;
type Tenant = {
  id: string;
  status: Enums.InstitutionStatus;
  deploymentMode: Enums.DeploymentMode | null;
  retentionDays: number;
  environments: { status: Enums.EnvironmentStatus }[];
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
    },
  });
}

export function assertApplicable(tenant: Tenant, action: ApprovalAction, payload: { deploymentMode?: Enums.DeploymentMode } | null) {
  switch (action) {
    case "SUSPEND":
      transition(tenant.status, "suspend");
      return;
    case "OFFBOARD":
      transition(tenant.status, "offboard");
      return;
    case "CHANGE_MODE":
      if (!payload?.deploymentMode)
        throw new AppError("BAD_INPUT", "Choose the new deployment mode.", { fields: { deploymentMode: "required" } });
      if (payload.deploymentMode === tenant.deploymentMode)
        throw new AppError("BAD_INPUT", "The institution already uses this deployment mode.");
      if (tenant.status === "OFFBOARDING" || tenant.status === "OFFBOARDED")
        throw new AppError("INVALID_TRANSITION", "An offboarded institution's mode cannot change.");
      if (tenant.environments.some((e) => PROVISIONED.includes(e.status))) {
        throw new AppError(
          "PRECONDITION_FAILED",
          "Environments are provisioned in the current mode: destroy them before changing the deployment mode.",
        );
      }
      return;
    case "DELETE":
      if (!["DRAFT", "REJECTED", "OFFBOARDED"].includes(tenant.status)) {
        throw new AppError(
          "PRECONDITION_FAILED",
          "Only drafts, rejected requests and offboarded institutions can be deleted; offboard it first.",
        );
      }
      return;
  }
}

export async function applyAction(
  tx: Tx,
  tenant: Tenant,
  action: ApprovalAction,
  payload: { deploymentMode?: Enums.DeploymentMode } | null,
  now: Date,
  log: Logger,
) {
  switch (action) {
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
