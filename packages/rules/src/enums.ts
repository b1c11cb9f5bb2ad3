// The value lists the API validates against and the console offers, written once. Most mirror a
// Prisma enum (packages/db/prisma/schema.prisma); the console cannot import Prisma, so the lists
// live here and apps/api/test/unit/rules-enums.test.ts fails when one differs from its enum, by
// type and by value. Order is the schema's, which is also the order the console shows.
//
// Environment statuses and operation kinds/statuses belong with the environment state machine
// (packages/rules/src/environment-*.ts), not here.

export const STAFF_ROLES = ["ADMIN", "OPERATOR", "BILLING"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const DEPLOYMENT_MODES = ["SAAS", "MANAGED", "SELF_MANAGED"] as const;
export type DeploymentMode = (typeof DEPLOYMENT_MODES)[number];

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
] as const;
export type InstitutionStatus = (typeof INSTITUTION_STATUSES)[number];

/** Open Finance Brasil regulatory roles (Directory): data, payments initiation, accounts, correspondent. */
export const REGULATORY_ROLES = ["DADOS", "PAGTO", "CONTA", "CCORR"] as const;
export type RegulatoryRole = (typeof REGULATORY_ROLES)[number];

export const CLOUD_PROVIDERS = ["AWS", "GCP", "AZURE"] as const;
export type CloudProvider = (typeof CLOUD_PROVIDERS)[number];

/** Where a managed account's credentials live: sealed in the control plane, or only with its agent. */
export const MANAGED_CREDENTIALS_SOURCES = ["STORED", "AGENT"] as const;
export type ManagedCredentialsSource = (typeof MANAGED_CREDENTIALS_SOURCES)[number];

export const PLAN_SIZES = ["SMALL", "MEDIUM", "LARGE"] as const;
export type PlanSize = (typeof PLAN_SIZES)[number];

export const CONTACT_KINDS = ["TECHNICAL", "BILLING"] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

export const INSTITUTION_ROLES = ["ADMIN", "VIEWER"] as const;
export type InstitutionRole = (typeof INSTITUTION_ROLES)[number];

export const ENVIRONMENT_KINDS = ["DEVELOPMENT", "HOMOLOGATION", "PRODUCTION"] as const;
export type EnvironmentKind = (typeof ENVIRONMENT_KINDS)[number];

/** Homologation (tests with the Open Finance sandbox) and production are mandatory; development is optional. */
export const REQUIRED_ENVIRONMENT_KINDS = ["HOMOLOGATION", "PRODUCTION"] as const satisfies readonly EnvironmentKind[];

export const CERTIFICATE_KINDS = ["BRCAC", "BRSEAL"] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** The four-eyes changes: one Opus person requests, another approves. */
export const APPROVAL_ACTIONS = ["SUSPEND", "OFFBOARD", "CHANGE_MODE", "DELETE", "GO_LIVE_OVERRIDE"] as const;
export type ApprovalAction = (typeof APPROVAL_ACTIONS)[number];

export const APPROVAL_STATUSES = ["PENDING", "APPROVED", "REJECTED", "CANCELLED"] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const SIGNUP_STATUSES = ["PENDING", "APPROVED", "REJECTED"] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];

// Lists that are not database enums but are still the API's rules.

/** How the fleet list may be sorted (the API orders by these columns only). */
export const INSTITUTION_SORTS = ["legalName", "status", "createdAt"] as const;
export type InstitutionSort = (typeof INSTITUTION_SORTS)[number];

/** What a reviewer decides on a submitted institution, a sign-up or a four-eyes request. */
export const DECISIONS = ["approve", "reject"] as const;
export type Decision = (typeof DECISIONS)[number];

/** The approvals inbox: still pending, or already decided (approved, rejected or cancelled). */
export const APPROVAL_FILTERS = ["PENDING", "DECIDED"] as const;
export type ApprovalFilter = (typeof APPROVAL_FILTERS)[number];
