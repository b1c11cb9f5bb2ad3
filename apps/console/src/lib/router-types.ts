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
