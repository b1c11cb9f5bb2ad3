// Option lists for filters and forms, typed against the API's own enums.
import type { InstitutionRole, InstitutionStatus, InstitutionsQuery } from "./router-types";

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
