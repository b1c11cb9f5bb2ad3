// Which operation may run on which environment, in one place. Checked when an operation is
// requested (to answer the person clearly) and again when a worker starts it (the tenant may have
// changed in between, e.g. an upgrade queued before the tenant was offboarded).
import type { Enums } from "@opus/db/client";
import { canTransitionEnvironment } from "../../domain/institutions/environment-lifecycle.ts";
import type { AppErrorCode } from "../../errors/app-error-codes.ts";

type Institution = {
  slug: string;
  status: Enums.InstitutionStatus;
  deploymentMode: Enums.DeploymentMode | null;
  retentionUntil: Date | null;
};
type Environment = { kind: Enums.EnvironmentKind; status: Enums.EnvironmentStatus };

export type Refusal = { code: AppErrorCode; message: string };

const VERB: Record<Enums.OperationKind, string> = { PREVIEW: "preview", UP: "deploy", REFRESH: "check for drift", DESTROY: "destroy" };
const LIVE_TENANT: readonly Enums.InstitutionStatus[] = ["APPROVED", "PROVISIONING", "ACTIVE"];
const INSPECTABLE_TENANT: readonly Enums.InstitutionStatus[] = [...LIVE_TENANT, "SUSPENDED", "OFFBOARDING"];

export function refusalFor(kind: Enums.OperationKind, institution: Institution, environment: Environment, now: Date): Refusal | null {
  const what = `${institution.slug} (${environment.kind.toLowerCase()})`;
  const invalid = (message: string): Refusal => ({ code: "INVALID_TRANSITION", message });

  if (institution.deploymentMode === "SELF_MANAGED") {
    return {
      code: "PRECONDITION_FAILED",
      message: `${institution.slug} is self-managed: the customer runs the platform in their own cloud, so Opus never provisions it.`,
    };
  }
  if (!institution.deploymentMode)
    return { code: "PRECONDITION_FAILED", message: `Choose a deployment mode for ${institution.slug} first.` };
  if (environment.status === "DESTROYED") return invalid(`Cannot ${VERB[kind]} ${what}: it is destroyed.`);

  switch (kind) {
    case "DESTROY":
      // Destruction is the last step of offboarding, never a button on a live tenant.
      if (institution.status !== "OFFBOARDING") {
        return invalid(
          `Environments are destroyed only while offboarding: offboard ${institution.slug} first (it is ${institution.status.toLowerCase()}).`,
        );
      }
      if (institution.retentionUntil && institution.retentionUntil > now) {
        return {
          code: "PRECONDITION_FAILED",
          message: `${institution.slug}'s data is retained until ${institution.retentionUntil.toISOString()}; destroy it after that.`,
        };
      }
      if (!["PENDING", "DESTROYING"].includes(environment.status) && !canTransitionEnvironment(environment.status, "DESTROYING")) {
        return invalid(`Cannot destroy ${what} while it is ${environment.status.toLowerCase()}.`);
      }
      return null;
    case "UP":
      if (!LIVE_TENANT.includes(institution.status))
        return invalid(`Cannot deploy ${institution.slug} while it is ${institution.status.toLowerCase()}.`);
      if (environment.status !== "PROVISIONING" && !canTransitionEnvironment(environment.status, "PROVISIONING")) {
        return invalid(`Cannot deploy ${what} while it is ${environment.status.toLowerCase()}.`);
      }
      return null;
    case "PREVIEW":
    case "REFRESH":
      if (!INSPECTABLE_TENANT.includes(institution.status))
        return invalid(`Cannot ${VERB[kind]} ${institution.slug} while it is ${institution.status.toLowerCase()}.`);
      if (environment.status === "DESTROYING") return invalid(`Cannot ${VERB[kind]} ${what} while it is being destroyed.`);
      if (kind === "REFRESH" && environment.status === "PENDING")
        return invalid(`Cannot check ${what} for drift: nothing is deployed yet.`);
      return null;
  }
}
