import type { AppRouter } from "@opus/api/router";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type Me = RouterOutputs["me"]["get"];
export type StaffRole = NonNullable<Me["staffRole"]>;
export type InstitutionRole = Me["memberships"][number]["role"];
export type InstitutionDetail = RouterOutputs["institutions"]["get"];
export type InstitutionStatus = InstitutionDetail["status"];
export type EnvironmentStatus = InstitutionDetail["environments"][number]["status"];
export type InstitutionsQuery = RouterInputs["institutions"]["find"];
export type AuditEvent = RouterOutputs["audit"]["find"]["items"][number];
export type Plan = RouterOutputs["plans"]["find"][number];
export type PlanSize = Plan["size"];
export type Certificate = RouterOutputs["certificates"]["find"][number];
export type CertificateKind = Certificate["kind"];
export type ExpiryWarning = Certificate["warning"];
export type Approval = RouterOutputs["approvals"]["find"][number];
export type ApprovalAction = Approval["action"];
export type Signup = RouterOutputs["signups"]["find"][number];
export type Dashboard = RouterOutputs["dashboard"]["get"];
export type DeploymentMode = NonNullable<InstitutionDetail["deploymentMode"]>;
export type EnvironmentKind = InstitutionDetail["environments"][number]["kind"];
export type RegulatoryRole = InstitutionDetail["roles"][number];

/** The onboarding wizard: one input per step, keyed by the step's name. */
export type SaveStepInput = RouterInputs["institutions"]["saveStep"];
export type WizardStep = SaveStepInput["step"];
export type StepData<S extends WizardStep> = Extract<SaveStepInput, { step: S }>["data"];
export type ApiFamily = StepData<"profile">["apiFamilies"][number];
export type ManagedStepData = Extract<StepData<"deployment">, { mode: "MANAGED" }>;
export type CloudProvider = ManagedStepData["cloudProvider"];
export type ManagedCredentials = NonNullable<ManagedStepData["credentials"]>;
export type DatabaseSslMode = ManagedCredentials["database"]["sslMode"];
export type WizardOptions = RouterOutputs["institutions"]["wizardOptions"];
