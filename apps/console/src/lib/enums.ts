// Option lists for filters and forms, typed against the API's own enums.
import type {
  ApprovalAction,
  CertificateKind,
  CloudProvider,
  DatabaseSslMode,
  EnvironmentKind,
  InstitutionRole,
  InstitutionStatus,
  InstitutionsQuery,
  PlanSize,
  Signup,
} from "./router-types";

export const INSTITUTION_STATUSES = [
  "DRAFT",
  "SUBMITTED",
  "REJECTED",
  "APPROVED",
  "PROVISIONING",
  "ACTIVE",
  "SUSPENDED",
  "OFFBOARDING",
  "OFFBOARDED",
] as const satisfies readonly InstitutionStatus[];

export const DEPLOYMENT_MODES = ["SAAS", "MANAGED", "SELF_MANAGED"] as const satisfies readonly NonNullable<InstitutionsQuery["mode"]>[];

export const REGULATORY_ROLES = ["DADOS", "PAGTO", "CONTA", "CCORR"] as const satisfies readonly NonNullable<InstitutionsQuery["role"]>[];

export const INSTITUTION_SORTS = ["legalName", "status", "createdAt"] as const satisfies readonly NonNullable<InstitutionsQuery["sort"]>[];

export const INSTITUTION_ROLES = ["ADMIN", "VIEWER"] as const satisfies readonly InstitutionRole[];

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export function oneOf<T extends string>(values: readonly T[], value: string | null): T | undefined {
  return values.find((v) => v === value);
}

export const ENVIRONMENT_KINDS = ["DEVELOPMENT", "HOMOLOGATION", "PRODUCTION"] as const satisfies readonly EnvironmentKind[];

/** Homologation (tests with the Open Finance sandbox) and production are mandatory; development is optional. */
export const REQUIRED_ENVIRONMENT_KINDS = ["HOMOLOGATION", "PRODUCTION"] as const satisfies readonly EnvironmentKind[];

export const CLOUD_PROVIDERS = ["AWS", "GCP", "AZURE"] as const satisfies readonly CloudProvider[];

/** Regions with a friendly name in the catalogues ("enums.saasRegion"); the regions on offer come from the API. */
export const NAMED_SAAS_REGIONS = ["sa-east-1", "southamerica-east1", "brazilsouth"] as const;

export const DATABASE_SSL_MODES = ["require", "verify-full", "disable"] as const satisfies readonly DatabaseSslMode[];

export const PLAN_SIZES = ["SMALL", "MEDIUM", "LARGE"] as const satisfies readonly PlanSize[];

export const CERTIFICATE_KINDS = ["BRCAC", "BRSEAL"] as const satisfies readonly CertificateKind[];

export const APPROVAL_ACTIONS = ["SUSPEND", "OFFBOARD", "CHANGE_MODE", "DELETE"] as const satisfies readonly ApprovalAction[];

export const SIGNUP_STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const satisfies readonly Signup["status"][];
