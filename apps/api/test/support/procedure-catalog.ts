// The authorization and input specification of every tRPC procedure, written independently of the
// permissions table. Tests walk the router and fail if a procedure is missing here, so a new
// procedure cannot ship without its access rules being stated and tested. Each spec arranges real
// records (a fresh tenant in a named state) so allowed calls are run for real and must succeed.
import type { Db } from "@opus/db/client";
import { ingestUsageEvents } from "../../src/domain/usage/ingest-usage-events.ts";
import { callerFor } from "./callers.ts";
import { makeCertificate } from "./make-certificate.ts";
import { freshVersion, makeRelease, makeRollout, releaseInput } from "./release-fixtures.ts";
import {
  finalizedReport,
  freshCnpj,
  freshCode,
  freshEmail,
  makeAdjustment,
  makeApiKey,
  makeApprovalRequest,
  makeAuditEvent,
  makeCertificateRow,
  makeGoLivePlan,
  makeInvitation,
  makeMembership,
  makeOperation,
  makeSignupRequest,
  makeSucceededPreview,
  makeTenant,
  type Tenant,
  type TenantState,
} from "./tenant-fixtures.ts";
import type { TestServices } from "./test-services.ts";

export type StaffRole = "ADMIN" | "OPERATOR" | "BILLING";
export type MemberRole = "ADMIN" | "VIEWER";

export type Access =
  | { kind: "public" }
  | { kind: "signed-in" }
  /** staff roles allowed anywhere; member roles allowed on their own institution only. */
  | { kind: "scoped"; staff: StaffRole[]; member: MemberRole[] };

export type Setup = { db: Db; tenant: Tenant; services: TestServices };
type Input = Record<string, unknown>;

/** Records addressed by their own id, and how to make a real one in a tenant and read it back. */
export const SECONDARY_KINDS = {
  membership: {
    make: async ({ db, tenant }: Setup) => (await makeMembership(db, tenant.id)).id,
    read: (db: Db, id: string) => db.membership.findUnique({ where: { id } }),
  },
  invitation: {
    make: async ({ db, tenant }: Setup) => (await makeInvitation(db, tenant.id)).id,
    read: (db: Db, id: string) => db.invitation.findUnique({ where: { id } }),
  },
  environment: {
    make: async ({ tenant }: Setup) => tenant.env.id,
    read: (db: Db, id: string) =>
      db.environment.findUnique({ where: { id }, include: { operations: true, institution: { include: { apiKeys: true } } } }),
  },
  operation: {
    make: async ({ db, tenant }: Setup) => (await makeOperation(db, tenant)).id,
    read: (db: Db, id: string) => db.operation.findUnique({ where: { id }, include: { logs: true } }),
  },
  certificate: {
    make: async ({ db, tenant }: Setup) => (await makeCertificateRow(db, tenant.id)).id,
    read: (db: Db, id: string) => db.certificate.findUnique({ where: { id } }),
  },
  apiKey: {
    make: async ({ db, tenant }: Setup) => (await makeApiKey(db, tenant.id)).id,
    read: (db: Db, id: string) => db.apiKey.findUnique({ where: { id } }),
  },
  auditEvent: {
    make: async ({ db, tenant }: Setup) => (await makeAuditEvent(db, tenant.id)).id,
    read: (db: Db, id: string) => db.auditEvent.findUnique({ where: { id } }),
  },
  /** A usage event is addressed by the client's own id, so the same id may exist in two tenants. */
  usageEvent: {
    make: (s: Setup) => reportUsageEvent(s),
    read: async (db: Db, id: string) => {
      const rows = await db.$queryRaw<unknown[]>`SELECT * FROM usage_event WHERE event_id = ${id} ORDER BY received_at`;
      return rows.length > 0 ? rows : null;
    },
  },
} as const;

export type ProcedureSpec = {
  access: Access;
  /** The state of the fresh tenant the call acts on (fleet procedures get one too and may ignore it). */
  tenant: TenantState;
  /** Arranges real records and returns an input that an allowed caller's call must succeed with. */
  input: (s: Setup) => Promise<Input>;
  /** For a procedure that addresses a record by its own id: which field, and what kind of record. */
  secondary?: { field: string; kind: keyof typeof SECONDARY_KINDS };
  /**
   * Mutations only: a call that fails inside the domain (bad state, unknown record), with the tRPC
   * code it must give; it must write nothing, not even an audit event. `{ none: why }` when
   * nothing but input validation can refuse the call (the bad-input suite covers that).
   */
  failure?: ((s: Setup) => Promise<{ input: Input; code: string }>) | { none: string };
};

const ALL_STAFF: StaffRole[] = ["ADMIN", "OPERATOR", "BILLING"];
const STAFF_OPS: StaffRole[] = ["ADMIN", "OPERATOR"];
const ANY_MEMBER: MemberRole[] = ["ADMIN", "VIEWER"];
const scoped = (staff: StaffRole[], member: MemberRole[] = []): Access => ({ kind: "scoped", staff, member });
const own = ({ tenant }: Setup) => ({ institutionId: tenant.id });
/** A notification row as the notifier writes it (null: Opus operations'). */
const makeNotificationRow = async (db: Db, institutionId: string | null) =>
  (
    await db.notification.create({
      data: { institutionId, kind: "health.incident_opened", subject: "Matrix notice", body: "Matrix notice" },
    })
  ).id;
const missing = "does-not-exist";
const NO_PRICES = { baseFees: { SAAS: 0, MANAGED: 0, SELF_MANAGED: 0 }, meters: {} };
const growthPlan = async (db: Db) => (await db.plan.findUniqueOrThrow({ where: { code: "growth" } })).id;

/** A real usage event of the tenant's production environment, reported as its platform would. */
async function reportUsageEvent({ services, tenant }: Setup): Promise<string> {
  const id = freshCode("event");
  const production = tenant.environments.find((e) => e.kind === "PRODUCTION");
  if (!production) throw new Error("the tenant has no production environment");
  const occurred = new Date(services.clock.now().getTime() - 3_600_000).toISOString();
  const event = {
    id,
    meter: "api_calls",
    environment: production.id,
    quantity: 1,
    timestamp: occurred,
    dimensions: { family: "accounts" },
  };
  const batch = await ingestUsageEvents(
    { db: services.db, clock: services.clock, sql: services.sql },
    { apiKeyId: "fixture", institutionId: tenant.id, environmentId: null },
    [event],
  );
  if (batch.accepted !== 1) throw new Error(`fixture event refused: ${JSON.stringify(batch.results)}`);
  return id;
}

/** A fresh tenant that nobody in the matrix belongs to, for failure cases that need another state. */
const tenantIn = (db: Db, state: TenantState) => makeTenant(db, state);

const operate = (): Pick<ProcedureSpec, "access" | "secondary"> => ({
  access: scoped(STAFF_OPS),
  secondary: { field: "environmentId", kind: "environment" },
});

const RELEASE_SETTINGS = {
  updateChannel: "FAST",
  pinnedReleaseVersion: null,
  timeZone: "America/Sao_Paulo",
  maintenanceWindows: [{ rrule: "FREQ=WEEKLY;BYDAY=SU;BYHOUR=2", durationMinutes: 240 }],
  freezes: [],
};
const ROLLOUT_SPEC = (institutionId: string) => ({
  name: "Matrix rollout",
  selection: { institutionIds: [institutionId] },
  waves: [{ name: "All", maxConcurrency: { count: 1 }, soakMinutes: 0, failureThreshold: 1 }],
});
const releaseId = async (db: Db, status: Parameters<typeof makeRelease>[1]) => ({ releaseId: (await makeRelease(db, status)).id });

export const PROCEDURES: Record<string, ProcedureSpec> = {
  "releases.find": { access: scoped(ALL_STAFF), tenant: "active", input: async () => ({}) },
  "releases.get": { access: scoped(ALL_STAFF), tenant: "active", input: async ({ db }) => releaseId(db, "AVAILABLE") },
  "releases.create": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async () => releaseInput(freshVersion()),
    failure: async ({ db }) => ({ input: releaseInput((await makeRelease(db, "DRAFT")).version), code: "CONFLICT" }),
  },
  "releases.publish": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => releaseId(db, "DRAFT"),
    failure: async ({ db }) => ({ input: await releaseId(db, "WITHDRAWN"), code: "CONFLICT" }),
  },
  "releases.deprecate": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => releaseId(db, "AVAILABLE"),
    failure: async ({ db }) => ({ input: await releaseId(db, "DRAFT"), code: "CONFLICT" }),
  },
  "releases.withdraw": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => ({ ...(await releaseId(db, "AVAILABLE")), reason: "matrix" }),
    failure: async () => ({ input: { releaseId: missing, reason: "matrix" }, code: "NOT_FOUND" }),
  },
  "releases.environment": {
    access: scoped(ALL_STAFF, ANY_MEMBER),
    tenant: "active",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id }),
    secondary: { field: "environmentId", kind: "environment" },
  },
  "releases.setEnvironmentSettings": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id, ...RELEASE_SETTINGS }),
    secondary: { field: "environmentId", kind: "environment" },
    failure: async ({ tenant }) => ({
      input: { institutionId: tenant.id, environmentId: missing, ...RELEASE_SETTINGS },
      code: "NOT_FOUND",
    }),
  },
  "releases.upgradeEnvironment": {
    ...operate(),
    tenant: "active",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id, ...(await releaseId(s.db, "AVAILABLE")) }),
    failure: async (s) => ({
      input: { ...own(s), environmentId: s.tenant.env.id, ...(await releaseId(s.db, "WITHDRAWN")) },
      code: "PRECONDITION_FAILED",
    }),
  },
  "rollouts.find": { access: scoped(ALL_STAFF), tenant: "active", input: async () => ({}) },
  "rollouts.get": {
    access: scoped(ALL_STAFF),
    tenant: "active",
    input: async ({ db }) => ({ rolloutId: (await makeRollout(db, "PLANNED")).id }),
  },
  "rollouts.create": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db, tenant }) => ({ ...ROLLOUT_SPEC(tenant.id), ...(await releaseId(db, "AVAILABLE")) }),
    failure: async ({ db, tenant }) => ({
      input: { ...ROLLOUT_SPEC(tenant.id), ...(await releaseId(db, "WITHDRAWN")) },
      code: "PRECONDITION_FAILED",
    }),
  },
  "rollouts.start": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => {
      const { id, planHash } = await makeRollout(db, "PLANNED");
      return { rolloutId: id, planHash };
    },
    failure: async ({ db }) => ({
      input: { rolloutId: (await makeRollout(db, "PLANNED")).id, planHash: "0".repeat(64) },
      code: "CONFLICT",
    }),
  },
  "rollouts.pause": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => ({ rolloutId: (await makeRollout(db, "RUNNING")).id }),
    failure: async ({ db }) => ({ input: { rolloutId: (await makeRollout(db, "PLANNED")).id }, code: "CONFLICT" }),
  },
  "rollouts.resume": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => ({ rolloutId: (await makeRollout(db, "PAUSED")).id }),
    failure: async ({ db }) => ({ input: { rolloutId: (await makeRollout(db, "RUNNING")).id }, code: "CONFLICT" }),
  },
  "rollouts.abort": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => ({ rolloutId: (await makeRollout(db, "RUNNING")).id }),
    failure: async ({ db }) => ({ input: { rolloutId: (await makeRollout(db, "ABORTED")).id }, code: "CONFLICT" }),
  },
  "rollouts.approveWave": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => {
      const { id, planHash } = await makeRollout(db, "RUNNING", { requiresApproval: true });
      return { rolloutId: id, position: 0, planHash };
    },
    failure: async ({ db }) => {
      const { id, planHash } = await makeRollout(db, "RUNNING");
      return { input: { rolloutId: id, position: 0, planHash }, code: "PRECONDITION_FAILED" };
    },
  },
  "rollouts.rollback": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db, tenant }) => {
      const target = { environmentId: tenant.env.id, institutionId: tenant.id, status: "UPGRADED" as const };
      return { rolloutId: (await makeRollout(db, "SUCCEEDED", { target })).id, position: 0 };
    },
    failure: async ({ db }) => ({
      input: { rolloutId: (await makeRollout(db, "SUCCEEDED")).id, position: 0 },
      code: "PRECONDITION_FAILED",
    }),
  },
  "releases.matrix": { access: scoped(ALL_STAFF), tenant: "active", input: async () => ({}) },
  "releases.exportMatrix": { access: scoped(ALL_STAFF), tenant: "active", input: async () => ({ staleAfterMinutes: 30 }) },
  "releases.fleet": { access: scoped(ALL_STAFF), tenant: "active", input: async () => ({}) },
  "releases.setFleetFreezes": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async () => ({ freezes: [] }),
    failure: { none: "only input validation refuses it" },
  },
  "releases.declareEmergencyHalt": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    // Each allowed call must succeed, so the halt declared by the previous one is lifted first.
    input: async ({ db }) => {
      await db.fleetControl.updateMany({ data: { emergencyHaltAt: null } });
      return { reason: "matrix" };
    },
    failure: async ({ db }) => {
      await db.fleetControl.updateMany({ data: { emergencyHaltAt: new Date() } });
      return { input: { reason: "again" }, code: "CONFLICT" };
    },
  },
  "releases.liftEmergencyHalt": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => {
      await db.fleetControl.updateMany({ data: { emergencyHaltAt: new Date() } });
      return {};
    },
    failure: async ({ db }) => {
      await db.fleetControl.updateMany({ data: { emergencyHaltAt: null } });
      return { input: {}, code: "CONFLICT" };
    },
  },
  "me.get": { access: { kind: "signed-in" }, tenant: "active", input: async () => ({}) },
  "me.setLocale": {
    access: { kind: "signed-in" },
    tenant: "active",
    input: async () => ({ locale: "en" }),
    failure: { none: "any signed-in person may choose either language" },
  },
  "institutions.find": { access: scoped(ALL_STAFF), tenant: "active", input: async () => ({ search: "a" }) },
  "institutions.get": { access: scoped(ALL_STAFF, ANY_MEMBER), tenant: "active", input: async (s) => own(s) },
  "members.find": { access: scoped(STAFF_OPS, ANY_MEMBER), tenant: "active", input: async (s) => own(s) },
  "members.invite": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), email: freshEmail("invite"), role: "VIEWER" }),
    failure: async ({ db, tenant }) => {
      const member = await makeMembership(db, tenant.id);
      const user = await db.user.findUniqueOrThrow({ where: { id: member.userId } });
      return { input: { institutionId: tenant.id, email: user.email, role: "VIEWER" }, code: "CONFLICT" };
    },
  },
  "members.updateRole": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), membershipId: await SECONDARY_KINDS.membership.make(s), role: "ADMIN" }),
    secondary: { field: "membershipId", kind: "membership" },
    failure: async ({ db }) => {
      // The only admin cannot step down.
      const tenant = await tenantIn(db, "active");
      const only = await makeMembership(db, tenant.id);
      await db.membership.update({ where: { id: only.id }, data: { role: "ADMIN" } });
      return { input: { institutionId: tenant.id, membershipId: only.id, role: "VIEWER" }, code: "PRECONDITION_FAILED" };
    },
  },
  "members.remove": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), membershipId: await SECONDARY_KINDS.membership.make(s) }),
    secondary: { field: "membershipId", kind: "membership" },
    failure: async ({ db }) => {
      const tenant = await tenantIn(db, "active");
      const only = await makeMembership(db, tenant.id);
      await db.membership.update({ where: { id: only.id }, data: { role: "ADMIN" } });
      return { input: { institutionId: tenant.id, membershipId: only.id }, code: "PRECONDITION_FAILED" };
    },
  },
  "members.revokeInvitation": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), invitationId: await SECONDARY_KINDS.invitation.make(s) }),
    secondary: { field: "invitationId", kind: "invitation" },
    failure: async ({ db, tenant }) => {
      const invitation = await makeInvitation(db, tenant.id);
      await db.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
      return { input: { institutionId: tenant.id, invitationId: invitation.id }, code: "CONFLICT" };
    },
  },
  "members.getInvitation": {
    access: { kind: "public" },
    tenant: "active",
    input: async ({ db, tenant }) => ({ token: (await makeInvitation(db, tenant.id)).token }),
  },
  "members.acceptInvitation": {
    access: { kind: "public" },
    tenant: "active",
    input: async ({ db, tenant }) => ({
      token: (await makeInvitation(db, tenant.id)).token,
      name: "Newcomer",
      password: "a-long-password",
    }),
    failure: async ({ db, tenant }) => {
      const invitation = await makeInvitation(db, tenant.id);
      await db.invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      return { input: { token: invitation.token, name: "Late", password: "a-long-password" }, code: "PRECONDITION_FAILED" };
    },
  },
  "audit.find": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), cursor: await SECONDARY_KINDS.auditEvent.make(s) }),
    secondary: { field: "cursor", kind: "auditEvent" },
  },
  "audit.findAll": { access: scoped(["ADMIN"]), tenant: "active", input: async () => ({}) },
  "audit.verify": { access: scoped(["ADMIN"]), tenant: "active", input: async () => ({}) },
  "audit.export": { access: scoped(["ADMIN"]), tenant: "active", input: async () => ({ from: "2026-01-01", to: "2026-01-31" }) },
  "environments.find": { access: scoped(ALL_STAFF, ANY_MEMBER), tenant: "active", input: async (s) => own(s) },
  "environments.findOperations": {
    access: scoped(ALL_STAFF, ANY_MEMBER),
    tenant: "active",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id }),
    secondary: { field: "environmentId", kind: "environment" },
  },
  "environments.getOperation": {
    access: scoped(ALL_STAFF, ANY_MEMBER),
    tenant: "active",
    input: async (s) => ({ ...own(s), operationId: await SECONDARY_KINDS.operation.make(s) }),
    secondary: { field: "operationId", kind: "operation" },
  },
  "environments.operationLogs": {
    access: scoped(ALL_STAFF, ANY_MEMBER),
    tenant: "active",
    input: async (s) => ({ ...own(s), operationId: await SECONDARY_KINDS.operation.make(s) }),
    secondary: { field: "operationId", kind: "operation" },
  },
  "environments.installBundle": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "self-managed",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id }),
    secondary: { field: "environmentId", kind: "environment" },
    failure: async ({ db }) => {
      const saas = await tenantIn(db, "active");
      return { input: { institutionId: saas.id, environmentId: saas.env.id }, code: "PRECONDITION_FAILED" };
    },
  },
  "environments.preview": {
    ...operate(),
    tenant: "active",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id }),
    failure: async ({ db }) => {
      const submitted = await tenantIn(db, "submitted");
      return { input: { institutionId: submitted.id, environmentId: submitted.env.id }, code: "CONFLICT" };
    },
  },
  "environments.deploy": {
    ...operate(),
    tenant: "active",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id }),
    failure: async ({ db }) => {
      const submitted = await tenantIn(db, "submitted");
      return { input: { institutionId: submitted.id, environmentId: submitted.env.id }, code: "CONFLICT" };
    },
  },
  "environments.deployPreview": {
    ...operate(),
    tenant: "active",
    input: async (s) => ({ ...own(s), operationId: (await makeSucceededPreview(s.db, s.tenant)).id }),
    secondary: { field: "operationId", kind: "operation" },
    failure: async ({ db, tenant }) => {
      const queued = await makeOperation(db, tenant);
      return { input: { institutionId: tenant.id, operationId: queued.id }, code: "PRECONDITION_FAILED" };
    },
  },
  "environments.refresh": {
    ...operate(),
    tenant: "active",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id }),
    failure: async ({ db }) => {
      const submitted = await tenantIn(db, "submitted");
      return { input: { institutionId: submitted.id, environmentId: submitted.env.id }, code: "CONFLICT" };
    },
  },
  "environments.destroy": {
    ...operate(),
    tenant: "offboarding",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id }),
    failure: async ({ db }) => {
      const live = await tenantIn(db, "active");
      return { input: { institutionId: live.id, environmentId: live.env.id }, code: "CONFLICT" };
    },
  },
  "environments.cancel": {
    access: scoped(STAFF_OPS),
    tenant: "active",
    input: async (s) => ({ ...own(s), operationId: await SECONDARY_KINDS.operation.make(s) }),
    secondary: { field: "operationId", kind: "operation" },
    failure: async ({ db, tenant }) => {
      const done = await makeOperation(db, tenant);
      await db.operation.update({ where: { id: done.id }, data: { status: "SUCCEEDED", finishedAt: new Date() } });
      return { input: { institutionId: tenant.id, operationId: done.id }, code: "CONFLICT" };
    },
  },
  "institutions.create": {
    access: scoped(STAFF_OPS),
    tenant: "active",
    input: async () => ({ legalName: "Matrix Bank", adminEmail: freshEmail("first-admin") }),
    failure: { none: "a legal name and an address are all it needs" },
  },
  "institutions.wizardOptions": { access: { kind: "signed-in" }, tenant: "active", input: async () => ({}) },
  "institutions.saveStep": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "draft",
    input: async (s) => ({
      ...own(s),
      step: "contacts",
      data: { technical: { name: "T", email: "t@example.com" }, billing: { name: "B", email: "b@example.com" } },
    }),
    failure: async ({ db }) => {
      const submitted = await tenantIn(db, "submitted");
      return {
        input: {
          institutionId: submitted.id,
          step: "contacts",
          data: { technical: { name: "T", email: "t@example.com" }, billing: { name: "B", email: "b@example.com" } },
        },
        code: "CONFLICT",
      };
    },
  },
  "institutions.submit": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "complete-draft",
    input: async (s) => own(s),
    failure: async ({ db }) => ({ input: { institutionId: (await tenantIn(db, "draft")).id }, code: "BAD_REQUEST" }),
  },
  "institutions.review": {
    access: scoped(STAFF_OPS),
    tenant: "submitted",
    input: async (s) => ({ ...own(s), decision: "approve" }),
    failure: async ({ db }) => ({ input: { institutionId: (await tenantIn(db, "draft")).id, decision: "approve" }, code: "CONFLICT" }),
  },
  "institutions.requestChange": {
    access: scoped(STAFF_OPS),
    tenant: "active",
    input: async (s) => ({ ...own(s), action: "SUSPEND", reason: "matrix" }),
    failure: async ({ tenant }) => ({
      input: { institutionId: tenant.id, action: "DELETE", reason: "matrix" },
      code: "PRECONDITION_FAILED",
    }),
  },
  "institutions.resume": {
    access: scoped(STAFF_OPS),
    tenant: "suspended",
    input: async (s) => own(s),
    failure: async ({ db }) => ({ input: { institutionId: (await tenantIn(db, "active")).id }, code: "CONFLICT" }),
  },
  "institutions.exportRecords": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => own(s),
    failure: async () => ({ input: { institutionId: missing }, code: "NOT_FOUND" }),
  },
  "institutions.setRetention": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), retentionDays: 90 }),
    failure: async ({ db }) => {
      const gone = await tenantIn(db, "offboarding");
      await db.institution.update({ where: { id: gone.id }, data: { destroyedAt: new Date() } });
      return { input: { institutionId: gone.id, retentionDays: 30 }, code: "CONFLICT" };
    },
  },
  "institutions.confirmDestruction": {
    access: scoped(["ADMIN"]),
    tenant: "offboarding",
    input: async (s) => own(s),
    failure: async ({ db }) => ({ input: { institutionId: (await tenantIn(db, "active")).id }, code: "CONFLICT" }),
  },
  "approvals.find": { access: scoped(STAFF_OPS), tenant: "active", input: async () => ({ status: "PENDING" }) },
  "approvals.decide": {
    access: scoped(STAFF_OPS),
    tenant: "active",
    input: async ({ db, tenant }) => ({ approvalId: (await makeApprovalRequest(db, tenant.id)).id, decision: "approve" }),
    failure: async ({ db, tenant }) => {
      const decided = await makeApprovalRequest(db, tenant.id);
      await db.approvalRequest.update({ where: { id: decided.id }, data: { status: "REJECTED", decidedAt: new Date() } });
      return { input: { approvalId: decided.id, decision: "approve" }, code: "CONFLICT" };
    },
  },
  "signups.create": {
    access: { kind: "public" },
    tenant: "active",
    input: async () => ({
      name: "Matrix",
      email: freshEmail("signup"),
      password: "a-long-password",
      legalName: "Matrix SA",
      cnpj: freshCnpj(),
    }),
    failure: async () => ({
      input: { name: "Taken", email: "admin@opus.example", password: "a-long-password", legalName: "Taken SA", cnpj: freshCnpj() },
      code: "CONFLICT",
    }),
  },
  "signups.find": { access: scoped(STAFF_OPS), tenant: "active", input: async () => ({ status: "PENDING" }) },
  "signups.decide": {
    access: scoped(STAFF_OPS),
    tenant: "active",
    input: async ({ db }) => ({ signupId: (await makeSignupRequest(db)).id, decision: "approve" }),
    failure: async ({ db }) => {
      const decided = await makeSignupRequest(db);
      await db.signupRequest.update({ where: { id: decided.id }, data: { status: "REJECTED", decidedAt: new Date() } });
      return { input: { signupId: decided.id, decision: "approve" }, code: "CONFLICT" };
    },
  },
  "certificates.find": { access: scoped(ALL_STAFF, ANY_MEMBER), tenant: "active", input: async (s) => own(s) },
  "certificates.upload": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async ({ tenant }) => {
      // Issued to the fresh tenant's own CNPJ and OrganisationId, as a real one would be.
      const { pem } = await makeCertificate({ cnpj: tenant.cnpj, organisationId: tenant.organisationId });
      return { institutionId: tenant.id, kind: "BRCAC", pem };
    },
    failure: async ({ tenant }) => ({ input: { institutionId: tenant.id, kind: "BRCAC", pem: "not a certificate" }, code: "BAD_REQUEST" }),
  },
  "certificates.remove": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), certificateId: await SECONDARY_KINDS.certificate.make(s) }),
    secondary: { field: "certificateId", kind: "certificate" },
    failure: async ({ tenant }) => ({ input: { institutionId: tenant.id, certificateId: missing }, code: "NOT_FOUND" }),
  },
  "plans.find": { access: { kind: "signed-in" }, tenant: "active", input: async () => ({}) },
  "plans.save": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async () => ({
      code: `matrix-${freshEmail("p")
        .replace(/[^a-z0-9]/g, "")
        .slice(-20)}`,
      name: "Matrix",
      size: "SMALL",
      active: true,
    }),
    failure: async () => ({ input: { code: "starter", name: "Starter again", size: "SMALL", active: true }, code: "CONFLICT" }),
  },
  "dashboard.get": { access: scoped(ALL_STAFF), tenant: "active", input: async () => ({}) },
  "health.environment": {
    access: scoped(ALL_STAFF, ANY_MEMBER),
    tenant: "active",
    input: async (s) => ({ ...own(s), environmentId: s.tenant.env.id }),
    secondary: { field: "environmentId", kind: "environment" },
    failure: async (s) => ({ input: { ...own(s), environmentId: missing }, code: "NOT_FOUND" }),
  },
  "goLive.get": { access: scoped(ALL_STAFF, ANY_MEMBER), tenant: "active", input: async (s) => own(s) },
  "goLive.open": {
    access: scoped(STAFF_OPS),
    tenant: "active",
    input: async (s) => ({ ...own(s), deliveryManagerEmail: "operator@opus.example", migrationRequired: false }),
    failure: async (s) => ({
      input: { ...own(s), deliveryManagerEmail: "ana@aurora.example", migrationRequired: false },
      code: "BAD_REQUEST",
    }),
  },
  "goLive.updateStage": {
    access: scoped(STAFF_OPS),
    tenant: "active",
    input: async (s) => {
      await makeGoLivePlan(s.db, s.tenant.id);
      return {
        ...own(s),
        stage: "CONSENT_SCREENS",
        expectedState: "NOT_STARTED",
        state: "IN_PROGRESS",
        ownerName: "Ana",
        dueOn: "2027-01-15",
      };
    },
    failure: async (s) => {
      await makeGoLivePlan(s.db, s.tenant.id);
      return { input: { ...own(s), stage: "CONSENT_SCREENS", expectedState: "DONE", state: "IN_PROGRESS" }, code: "CONFLICT" };
    },
  },
  "goLive.addEvidence": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => {
      await makeGoLivePlan(s.db, s.tenant.id);
      return { ...own(s), stage: "OPENID_CERTIFICATION", label: "OpenID report", url: "https://openid.net/certification/report-1" };
    },
    failure: async (s) => ({
      input: { ...own(s), stage: "OPENID_CERTIFICATION", label: "No plan", url: "https://example.com/x" },
      code: "NOT_FOUND",
    }),
  },
  "goLive.addEvidenceFile": {
    access: scoped(STAFF_OPS, ["ADMIN"]),
    tenant: "active",
    input: async (s) => {
      await makeGoLivePlan(s.db, s.tenant.id);
      return {
        ...own(s),
        stage: "OPENID_CERTIFICATION",
        label: "Test log",
        fileName: "log.txt",
        base64: Buffer.from("all green\n").toString("base64"),
      };
    },
    failure: async (s) => {
      await makeGoLivePlan(s.db, s.tenant.id);
      return {
        input: {
          ...own(s),
          stage: "OPENID_CERTIFICATION",
          label: "Binary",
          fileName: "x.bin",
          base64: Buffer.from([0, 1, 2]).toString("base64"),
        },
        code: "BAD_REQUEST",
      };
    },
  },
  "goLive.evidenceFile": {
    access: scoped(ALL_STAFF, ANY_MEMBER),
    tenant: "active",
    input: async (s) => {
      await makeGoLivePlan(s.db, s.tenant.id);
      const stage = await s.db.goLiveStageRecord.findFirstOrThrow({ where: { institutionId: s.tenant.id } });
      const admin = await s.db.user.findUniqueOrThrow({ where: { email: "operator@opus.example" } });
      const evidence = await s.db.goLiveEvidence.create({
        data: {
          institutionId: s.tenant.id,
          stageId: stage.id,
          label: "Log",
          fileName: "log.txt",
          contentType: "text/plain",
          sizeBytes: 3,
          content: Buffer.from("ok\n"),
          addedById: admin.id,
        },
      });
      return { ...own(s), evidenceId: evidence.id };
    },
    failure: async (s) => ({ input: { ...own(s), evidenceId: missing }, code: "NOT_FOUND" }),
  },
  "goLive.declare": {
    access: scoped(STAFF_OPS),
    tenant: "active",
    input: async (s) => {
      await makeGoLivePlan(s.db, s.tenant.id, { ready: true });
      return own(s);
    },
    failure: async (s) => {
      await makeGoLivePlan(s.db, s.tenant.id);
      return { input: own(s), code: "PRECONDITION_FAILED" };
    },
  },
  "health.fleet": { access: scoped(ALL_STAFF), tenant: "active", input: async () => ({ mode: "SAAS" }) },
  "health.notifications": { access: scoped(ALL_STAFF, ANY_MEMBER), tenant: "active", input: async (s) => own(s) },
  "health.opsNotifications": { access: scoped(ALL_STAFF), tenant: "active", input: async () => ({}) },
  "health.markNotificationsRead": {
    access: scoped(ALL_STAFF, ANY_MEMBER),
    tenant: "active",
    input: async (s) => ({ ...own(s), notificationIds: [await makeNotificationRow(s.db, s.tenant.id)] }),
    failure: async (s) => ({ input: { ...own(s), notificationIds: [missing] }, code: "NOT_FOUND" }),
  },
  "health.markOpsNotificationsRead": {
    access: scoped(ALL_STAFF),
    tenant: "active",
    input: async (s) => ({ notificationIds: [await makeNotificationRow(s.db, null)] }),
    // One of the institution's notifications is not Opus operations' own.
    failure: async (s) => ({ input: { notificationIds: [await makeNotificationRow(s.db, s.tenant.id)] }, code: "NOT_FOUND" }),
  },
  "health.weeklyReport": {
    access: scoped(ALL_STAFF, ANY_MEMBER),
    tenant: "active",
    input: async (s) => ({ ...own(s), week: "2026-11-30", format: "csv" }),
    failure: async (s) => ({ input: { ...own(s), week: "2026-12-01", format: "csv" }, code: "BAD_REQUEST" }),
  },
  "health.fleetWeeklyReport": {
    access: scoped(ALL_STAFF),
    tenant: "active",
    input: async () => ({ week: "2026-11-30", format: "csv" }),
    failure: async () => ({ input: { week: "2026-12-01", format: "csv" }, code: "BAD_REQUEST" }),
  },
  "usage.meters": { access: { kind: "signed-in" }, tenant: "active", input: async () => ({}) },
  "usage.daily": { access: scoped(ALL_STAFF, ANY_MEMBER), tenant: "active", input: async (s) => ({ ...own(s), month: "2026-11" }) },
  "usage.correct": {
    access: scoped(["ADMIN", "BILLING"]),
    tenant: "active",
    secondary: { field: "eventId", kind: "usageEvent" },
    input: async (s) => ({ ...own(s), eventId: await reportUsageEvent(s), action: "void", reason: "matrix" }),
    failure: async (s) => {
      const eventId = await reportUsageEvent(s);
      const admin = await callerFor(s.services, "admin@opus.example");
      await admin.usage.correct({ institutionId: s.tenant.id, eventId, action: "void", reason: "first" });
      return { input: { institutionId: s.tenant.id, eventId, action: "void", reason: "again" }, code: "CONFLICT" };
    },
  },
  "usage.createMeter": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async () => ({ code: freshCode("meter"), name: "Matrix", unit: "x", aggregation: "COUNT", dimensions: [] }),
    failure: async () => ({
      input: { code: "api_calls", name: "Again", unit: "x", aggregation: "COUNT", dimensions: [] },
      code: "CONFLICT",
    }),
  },
  "usage.retireMeter": {
    access: scoped(["ADMIN"]),
    tenant: "active",
    input: async ({ db }) => {
      const code = freshCode("retire");
      await db.meter.create({ data: { code, name: "Retire me", unit: "x", aggregation: "COUNT", dimensions: [] } });
      return { code };
    },
    failure: async () => ({ input: { code: "no_such_meter" }, code: "NOT_FOUND" }),
  },
  "billing.reports": { access: scoped(["ADMIN", "BILLING"], ["ADMIN"]), tenant: "active", input: async (s) => own(s) },
  "billing.report": {
    access: scoped(["ADMIN", "BILLING"], ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), month: "2026-11" }),
  },
  "billing.exportReport": {
    access: scoped(["ADMIN", "BILLING"], ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), month: "2026-11", format: "csv" }),
  },
  "billing.fleet": { access: scoped(["ADMIN", "BILLING"]), tenant: "active", input: async () => ({ month: "2026-11" }) },
  "billing.exportFleet": { access: scoped(["ADMIN", "BILLING"]), tenant: "active", input: async () => ({ month: "2026-11" }) },
  "billing.finalize": {
    access: scoped(["ADMIN", "BILLING"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), month: "2026-10" }),
    // A month not yet over: refused before anything is written.
    failure: async ({ tenant }) => ({ input: { institutionId: tenant.id, month: "2099-01" }, code: "PRECONDITION_FAILED" }),
  },
  "billing.adjustments": { access: scoped(["ADMIN", "BILLING"]), tenant: "active", input: async () => ({}) },
  "billing.requestAdjustment": {
    access: scoped(["ADMIN", "BILLING"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), month: "2099-01", amountCentavos: -100, reason: "matrix" }),
    failure: async ({ db, tenant }) => {
      await finalizedReport(db, tenant.id, "2026-09");
      return {
        input: { institutionId: tenant.id, month: "2026-09", amountCentavos: -100, reason: "too late" },
        code: "PRECONDITION_FAILED",
      };
    },
  },
  "billing.decideAdjustment": {
    access: scoped(["ADMIN", "BILLING"]),
    tenant: "active",
    input: async ({ db, tenant }) => ({ adjustmentId: (await makeAdjustment(db, tenant.id)).id, decision: "approve" }),
    failure: async ({ db, tenant }) => {
      const decided = await makeAdjustment(db, tenant.id);
      await db.usageAdjustment.update({ where: { id: decided.id }, data: { status: "REJECTED", decidedAt: new Date() } });
      return { input: { adjustmentId: decided.id, decision: "approve" }, code: "CONFLICT" };
    },
  },
  "billing.planPrices": {
    access: scoped(["ADMIN", "BILLING"]),
    tenant: "active",
    input: async ({ db }) => ({ planId: await growthPlan(db) }),
  },
  "billing.setPlanPrices": {
    access: scoped(["ADMIN", "BILLING"]),
    tenant: "active",
    input: async ({ db }) => ({ planId: await growthPlan(db), effectiveMonth: "2099-01", spec: NO_PRICES }),
    failure: async () => ({ input: { planId: missing, effectiveMonth: "2099-01", spec: NO_PRICES }, code: "NOT_FOUND" }),
  },
  "apiKeys.find": { access: scoped(ALL_STAFF, ["ADMIN"]), tenant: "active", input: async (s) => own(s) },
  "apiKeys.create": {
    access: scoped(ALL_STAFF, ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), name: "Matrix key", environmentId: s.tenant.env.id }),
    secondary: { field: "environmentId", kind: "environment" },
    failure: async ({ tenant }) => ({ input: { institutionId: tenant.id, name: "Nowhere", environmentId: missing }, code: "NOT_FOUND" }),
  },
  "apiKeys.revoke": {
    access: scoped(ALL_STAFF, ["ADMIN"]),
    tenant: "active",
    input: async (s) => ({ ...own(s), apiKeyId: await SECONDARY_KINDS.apiKey.make(s) }),
    secondary: { field: "apiKeyId", kind: "apiKey" },
    failure: async ({ db, tenant }) => {
      const revoked = await makeApiKey(db, tenant.id);
      await db.apiKey.update({ where: { id: revoked.id }, data: { revokedAt: new Date() } });
      return { input: { institutionId: tenant.id, apiKeyId: revoked.id }, code: "CONFLICT" };
    },
  },
};

/** The people the matrix signs in as (all from the demo seed); members are made members of each tenant they act on. */
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

/** A fresh tenant for one call: the member personas belong to it when it is their own institution. */
export function arrange(db: Db, spec: ProcedureSpec, scope: "own" | "other") {
  return makeTenant(db, spec.tenant, { members: scope === "own" });
}
