// The authorization and input specification of every tRPC procedure, written independently of the
// permissions table. Tests walk the router and fail if a procedure is missing here, so a new
// procedure cannot ship without its access rules being stated and tested.
import type { Services } from "../../src/services.ts";

export type StaffRole = "ADMIN" | "OPERATOR" | "BILLING";
export type MemberRole = "ADMIN" | "VIEWER";

export type Access =
  | { kind: "public" }
  | { kind: "signed-in" }
  /** staff roles allowed anywhere; member roles allowed on their own institution only. */
  | { kind: "scoped"; staff: StaffRole[]; member: MemberRole[] };

export type Ids = { own: string; other: string; token: string };

export type ProcedureSpec = {
  access: Access;
  /** A valid input for the institution `institutionId` (authorization-valid; harmless if it runs). */
  input: (institutionId: string, ids: Ids) => Record<string, unknown> | undefined;
};

const ALL_STAFF: StaffRole[] = ["ADMIN", "OPERATOR", "BILLING"];
const missing = "does-not-exist";

export const PROCEDURES: Record<string, ProcedureSpec> = {
  "me.get": { access: { kind: "signed-in" }, input: () => ({}) },
  "me.setLocale": { access: { kind: "signed-in" }, input: () => ({ locale: "en" }) },
  "institutions.find": { access: { kind: "scoped", staff: ALL_STAFF, member: [] }, input: () => ({ search: "a" }) },
  "institutions.get": { access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN", "VIEWER"] }, input: (id) => ({ institutionId: id }) },
  "members.find": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN", "VIEWER"] },
    input: (id) => ({ institutionId: id }),
  },
  "members.invite": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, email: `matrix-${Math.random().toString(36).slice(2)}@example.com`, role: "VIEWER" }),
  },
  "members.updateRole": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, membershipId: missing, role: "VIEWER" }),
  },
  "members.remove": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, membershipId: missing }),
  },
  "members.revokeInvitation": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, invitationId: missing }),
  },
  "members.getInvitation": { access: { kind: "public" }, input: (_id, ids) => ({ token: ids.token }) },
  "members.acceptInvitation": { access: { kind: "public" }, input: (_id, ids) => ({ token: ids.token }) },
  "audit.find": { access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] }, input: (id) => ({ institutionId: id }) },
  "audit.findAll": { access: { kind: "scoped", staff: ["ADMIN"], member: [] }, input: () => ({}) },
  "environments.find": {
    access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN", "VIEWER"] },
    input: (id) => ({ institutionId: id }),
  },
  "environments.findOperations": {
    access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN", "VIEWER"] },
    input: (id) => ({ institutionId: id, environmentId: missing }),
  },
  "environments.getOperation": {
    access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN", "VIEWER"] },
    input: (id) => ({ institutionId: id, operationId: missing }),
  },
  "environments.operationLogs": {
    access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN", "VIEWER"] },
    input: (id) => ({ institutionId: id, operationId: missing }),
  },
  // Unknown environment/operation ids: authorization is decided before the domain looks them up,
  // and nothing is queued when the matrix runs them.
  "environments.installBundle": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, environmentId: missing }),
  },
  "environments.preview": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: (id) => ({ institutionId: id, environmentId: missing }),
  },
  "environments.deploy": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: (id) => ({ institutionId: id, environmentId: missing }),
  },
  "environments.refresh": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: (id) => ({ institutionId: id, environmentId: missing }),
  },
  "environments.destroy": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: (id) => ({ institutionId: id, environmentId: missing }),
  },
  "environments.cancel": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: (id) => ({ institutionId: id, operationId: missing }),
  },
  "institutions.create": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: () => ({ legalName: "Matrix Bank", adminEmail: `matrix-${Math.random().toString(36).slice(2)}@example.com` }),
  },
  "institutions.wizardOptions": { access: { kind: "signed-in" }, input: () => ({}) },
  "institutions.saveStep": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({
      institutionId: id,
      step: "contacts",
      data: { technical: { name: "T", email: "t@example.com" }, billing: { name: "B", email: "b@example.com" } },
    }),
  },
  "institutions.submit": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id }),
  },
  "institutions.review": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: (id) => ({ institutionId: id, decision: "reject", reason: "matrix" }),
  },
  "institutions.requestChange": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: (id) => ({ institutionId: id, action: "DELETE", reason: "matrix" }),
  },
  "institutions.resume": { access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] }, input: (id) => ({ institutionId: id }) },
  "institutions.exportRecords": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id }),
  },
  "institutions.setRetention": {
    access: { kind: "scoped", staff: ["ADMIN"], member: [] },
    input: (id) => ({ institutionId: id, retentionDays: 90 }),
  },
  "institutions.confirmDestruction": { access: { kind: "scoped", staff: ["ADMIN"], member: [] }, input: (id) => ({ institutionId: id }) },
  "approvals.find": { access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] }, input: () => ({ status: "PENDING" }) },
  "approvals.decide": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: () => ({ approvalId: missing, decision: "approve" }),
  },
  "signups.create": {
    access: { kind: "public" },
    input: () => ({
      name: "Matrix",
      email: `signup-${Math.random().toString(36).slice(2)}@example.com`,
      password: "a-long-password",
      legalName: "Matrix SA",
      cnpj: "ab.cde.fgh/0001-00",
    }),
  },
  "signups.find": { access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] }, input: () => ({ status: "PENDING" }) },
  "signups.decide": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: [] },
    input: () => ({ signupId: missing, decision: "approve" }),
  },
  "certificates.find": {
    access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN", "VIEWER"] },
    input: (id) => ({ institutionId: id }),
  },
  "certificates.upload": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, kind: "BRCAC", pem: "not a certificate" }),
  },
  "certificates.remove": {
    access: { kind: "scoped", staff: ["ADMIN", "OPERATOR"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, certificateId: missing }),
  },
  "plans.find": { access: { kind: "signed-in" }, input: () => ({}) },
  "plans.save": {
    access: { kind: "scoped", staff: ["ADMIN"], member: [] },
    input: () => ({ id: missing, code: "matrix", name: "Matrix", size: "SMALL", active: true }),
  },
  "dashboard.get": { access: { kind: "scoped", staff: ALL_STAFF, member: [] }, input: () => ({}) },
  "usage.meters": { access: { kind: "signed-in" }, input: () => ({}) },
  "usage.daily": {
    access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN", "VIEWER"] },
    input: (id) => ({ institutionId: id, month: "2026-11" }),
  },
  "usage.correct": {
    access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: [] },
    input: (id) => ({ institutionId: id, eventId: missing, action: "void", reason: "matrix" }),
  },
  "usage.createMeter": {
    access: { kind: "scoped", staff: ["ADMIN"], member: [] },
    input: () => ({
      code: `matrix_${Math.random().toString(36).slice(2, 10)}`,
      name: "Matrix",
      unit: "x",
      aggregation: "COUNT",
      dimensions: [],
    }),
  },
  "usage.retireMeter": { access: { kind: "scoped", staff: ["ADMIN"], member: [] }, input: () => ({ code: "no_such_meter" }) },
  "billing.reports": { access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: ["ADMIN"] }, input: (id) => ({ institutionId: id }) },
  "billing.report": {
    access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, month: "2026-11" }),
  },
  "billing.exportReport": {
    access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, month: "2026-11", format: "csv" }),
  },
  "billing.fleet": { access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: [] }, input: () => ({ month: "2026-11" }) },
  "billing.exportFleet": { access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: [] }, input: () => ({ month: "2026-11" }) },
  // A month not yet over: finalizing is refused before anything is written.
  "billing.finalize": {
    access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: [] },
    input: (id) => ({ institutionId: id, month: "2099-01" }),
  },
  "billing.adjustments": { access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: [] }, input: () => ({}) },
  "billing.requestAdjustment": {
    access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: [] },
    input: (id) => ({ institutionId: id, month: "2099-01", amountCentavos: -100, reason: "matrix" }),
  },
  "billing.decideAdjustment": {
    access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: [] },
    input: () => ({ adjustmentId: missing, decision: "reject" }),
  },
  "billing.planPrices": { access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: [] }, input: () => ({ planId: missing }) },
  "billing.setPlanPrices": {
    access: { kind: "scoped", staff: ["ADMIN", "BILLING"], member: [] },
    input: () => ({ planId: missing, effectiveMonth: "2099-01", spec: { baseFees: { SAAS: 0, MANAGED: 0, SELF_MANAGED: 0 }, meters: {} } }),
  },
  "apiKeys.find": { access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN"] }, input: (id) => ({ institutionId: id }) },
  "apiKeys.create": {
    access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, name: "Matrix key", environmentId: missing }),
  },
  "apiKeys.revoke": {
    access: { kind: "scoped", staff: ALL_STAFF, member: ["ADMIN"] },
    input: (id) => ({ institutionId: id, apiKeyId: missing }),
  },
};

/** The people the matrix signs in as (all from the demo seed). Members belong to banco-aurora. */
export const PERSONAS = [
  { label: "anonymous", email: null, staff: null, member: null },
  { label: "Opus admin", email: "admin@opus.example", staff: "ADMIN", member: null },
  { label: "Opus operator", email: "operator@opus.example", staff: "OPERATOR", member: null },
  { label: "Opus billing", email: "billing@opus.example", staff: "BILLING", member: null },
  { label: "institution admin", email: "ana@aurora.example", staff: null, member: "ADMIN" },
  { label: "institution viewer", email: "victor@aurora.example", staff: null, member: "VIEWER" },
] as const satisfies { label: string; email: string | null; staff: StaffRole | null; member: MemberRole | null }[];

export type Persona = (typeof PERSONAS)[number];

/** Whether `persona` may call a procedure on its own institution (`own`) or another one. */
export function expectedAllowed(access: Access, persona: Persona, scope: "own" | "other"): boolean {
  if (access.kind === "public") return true;
  if (persona.email === null) return false;
  if (access.kind === "signed-in") return true;
  if (persona.staff) return access.staff.includes(persona.staff);
  return scope === "own" && persona.member !== null && access.member.includes(persona.member);
}

export async function matrixIds(services: Services): Promise<Ids> {
  const [own, other] = await Promise.all(
    ["banco-aurora", "coop-horizonte"].map(async (slug) => (await services.db.institution.findUniqueOrThrow({ where: { slug } })).id),
  );
  return { own: own ?? "", other: other ?? "", token: "no-such-invitation-token-000000" };
}
