// The scoped client itself: whatever a query asks, it stays inside one institution.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Prisma } from "@opus/db/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/authz/actor.ts";
import { scopedDb } from "../../src/domain/tenant-scope/scoped-db.ts";
import { TENANT_MODELS } from "../../src/domain/tenant-scope/tenant-models.ts";
import { makeMembership, makeOperation, makeTenant, type Tenant } from "../support/tenant-fixtures.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let mine: Tenant;
let theirs: Tenant;
const staff: Actor = {
  userId: "staff",
  email: "staff@opus.example",
  name: "Staff",
  staffRole: "OPERATOR",
  twoFactorEnabled: true,
  locale: null,
  memberships: new Map(),
};

beforeAll(async () => {
  services = await createTestServices();
  [mine, theirs] = [await makeTenant(services.db, "active"), await makeTenant(services.db, "active")];
});
afterAll(() => services.cleanup());

const scoped = () => scopedDb({ db: services.db, actor: staff }, mine.id);

describe("scopedDb", () => {
  it("classifies every model of the schema", () => {
    expect(Object.keys(TENANT_MODELS).sort()).toEqual(Object.values(Prisma.ModelName).sort());
  });

  it("finds another tenant's record by id as nothing, and lists only its own", async () => {
    const theirMember = await makeMembership(services.db, theirs.id);
    const myMember = await makeMembership(services.db, mine.id);
    expect(await scoped().membership.findUnique({ where: { id: theirMember.id } })).toBeNull();
    expect(await scoped().membership.findFirst({ where: { id: theirMember.id, institutionId: theirs.id } })).toBeNull();
    const listed = await scoped().membership.findMany({ select: { institutionId: true } });
    expect(listed.map((m) => m.institutionId)).toEqual([mine.id]);
    expect(await scoped().membership.findUnique({ where: { id: myMember.id } })).toMatchObject({ id: myMember.id });
  });

  it("updates and deletes nothing of another tenant", async () => {
    const theirMember = await makeMembership(services.db, theirs.id);
    expect((await scoped().membership.updateMany({ where: { id: theirMember.id }, data: { role: "ADMIN" } })).count).toBe(0);
    await expect(scoped().membership.update({ where: { id: theirMember.id }, data: { role: "ADMIN" } })).rejects.toMatchObject({
      code: "P2025",
    });
    await expect(scoped().membership.delete({ where: { id: theirMember.id } })).rejects.toMatchObject({ code: "P2025" });
    expect((await scoped().membership.deleteMany({ where: { id: theirMember.id } })).count).toBe(0);
    expect(await services.db.membership.findUnique({ where: { id: theirMember.id } })).toMatchObject({ role: "VIEWER" });
  });

  it("reaches operations and their logs through the environment's institution", async () => {
    const theirOp = await makeOperation(services.db, theirs);
    const myOp = await makeOperation(services.db, mine);
    expect(await scoped().operation.findUnique({ where: { id: theirOp.id } })).toBeNull();
    expect(await scoped().operation.findUnique({ where: { id: myOp.id } })).toMatchObject({ id: myOp.id });
    expect(await scoped().operationLog.count({ where: { operationId: theirOp.id } })).toBe(0);
    expect(await scoped().operationLog.count({ where: { operationId: myOp.id } })).toBe(1);
  });

  it("creates rows only for its own institution", async () => {
    const user = await services.db.user.create({
      data: { id: crypto.randomUUID(), email: "scoped@example.com", name: "S", emailVerified: true },
    });
    await expect(scoped().membership.create({ data: { userId: user.id, institutionId: theirs.id, role: "VIEWER" } })).rejects.toThrow(
      /another institution/,
    );
    // No institutionId given (the type wants one): the scoped client fills it in.
    const brand = { name: "Scoped brand", authorisationServerId: crypto.randomUUID() } as {
      name: string;
      authorisationServerId: string;
      institutionId: string;
    };
    const created = await scoped().brand.create({ data: brand });
    expect(created.institutionId).toBe(mine.id);
    await expect(scoped().institution.create({ data: { slug: "nope", legalName: "Nope" } })).rejects.toThrow(/cannot create/);
  });

  it("keeps transactions inside the scope too", async () => {
    const theirMember = await makeMembership(services.db, theirs.id);
    const found = await scoped().$transaction((tx) => tx.membership.findUnique({ where: { id: theirMember.id } }));
    expect(found).toBeNull();
  });

  it("refuses a member of another institution", () => {
    const member: Actor = { ...staff, staffRole: null, memberships: new Map([[theirs.id, "ADMIN"]]) };
    expect(() => scopedDb({ db: services.db, actor: member }, mine.id)).toThrow(/permission/);
    expect(() => scopedDb({ db: services.db, actor: member }, theirs.id)).not.toThrow();
  });
});

/** Files that use the plain client on a tenant-owned model (or hand it on) on purpose, and why. Everything else reaches tenants' records through scopedDb. */
const UNSCOPED = {
  "domain/billing/adjustments.ts": "the fleet's adjustments for Opus staff, decided by their id (requests go through scopedDb)",
  "domain/billing/compute-reports.ts": "fleet-wide computation, also inside the usage lock's transaction",
  "domain/billing/finalize-due-reports.ts": "the scheduled job, fleet-wide, with no actor",
  "domain/billing/finalize-report.ts": "also run by the scheduled job, which has no actor to scope by",
  "domain/billing/get-reports.ts": "the fleet view for Opus billing (one institution's reports go through scopedDb)",
  "domain/billing/late-usage.ts": "SQL over the usage tables, filtered by the institution it is given",
  "domain/billing/plan-prices.ts": "plan prices are not a tenant's",
  "domain/me/get-me.ts": "a person's own memberships, across institutions",
  "domain/usage/daily-usage.ts": "SQL over the rollups, filtered by the institution the procedure authorized",
  "domain/usage/ensure-partitions.ts": "creates monthly partitions, no tenant's data",
  "domain/usage/manage-meters.ts": "meters are not a tenant's",
  "domain/usage/record-environment-days.ts": "the scheduled job, fleet-wide",
  "domain/dashboard/get-dashboard.ts": "fleet-wide counts for Opus staff",
  "domain/institutions/list-institutions.ts": "the fleet list for Opus staff",
  "domain/approvals/list-approvals.ts": "the fleet's four-eyes inbox",
  "domain/approvals/decide-approval.ts": "a fleet decision addressed by its request id, staff only",
  "domain/signups/create-signup.ts": "before any institution exists",
  "domain/signups/decide-signup.ts": "creates the institution",
  "domain/onboarding/create-institution.ts": "creates the institution",
  "domain/onboarding/save-wizard-step.ts": "CNPJ and OrganisationId must be unique across tenants",
  "domain/members/accept-invitation.ts": "addressed by the link's secret token, not by an id",
  "domain/audit/list-audit-events.ts": "the whole trail for Opus admins (audit.findAll)",
  "domain/audit/export-audit-events.ts": "the whole chain for Opus admins: an export carries every link so it can be re-verified",
  "domain/plans/plans.ts": "plans are not a tenant's",
  "domain/me/set-locale.ts": "a person's own preference",
  "domain/api-keys/authenticate-api-key.ts": "finds the key by its secret's hash: the institution is what it tells",
  "domain/usage/write-usage-events.ts":
    "one function call per batch (usage_ingest_batch), for the institution the API key tells (every row carries it)",
  "domain/usage/resolve-usage-events.ts":
    "a machine request: the institution comes from its API key, and foreign environments are told apart",
  "domain/regulatory/list-fleet-health.ts": "the fleet health view for Opus staff",
  "domain/regulatory/weekly-availability.ts": "the fleet's weekly availability report for Opus staff (an institution's through scopedDb)",
  "domain/regulatory/fleet-health-counts.ts": "the dashboard's fleet-wide health counts for Opus staff",
  "domain/notifications/list-notifications.ts":
    "Opus operations' own notifications have no institution (Opus staff only); an institution's go through scopedDb",
  "domain/notifications/mark-notifications-read.ts":
    "Opus operations' notifications have no institution (fleet.read); an institution's are found through scopedDb, and a read mark is the person's own",
  "domain/releases/notify-release-published.ts":
    "a release concerns the fleet: the self-managed installations that should take it, after an Opus admin published it",
  "domain/regulatory/ingest-metrics-report.ts":
    "a machine request: the institution comes from its API key, and foreign environments are told apart",
  "domain/tenant-scope/scoped-db.ts": "builds the scoped client from it",
  "domain/releases/create-release.ts": "releases are Opus' own, not a tenant's",
  "domain/releases/move-release.ts": "releases are Opus' own, not a tenant's",
  "domain/rollouts/create-rollout.ts": "a rollout spans tenants: Opus admins select environments fleet-wide",
  "domain/rollouts/get-rollout.ts": "a rollout spans tenants (Opus staff only)",
  "domain/rollouts/move-rollout.ts": "a rollout spans tenants (Opus admins only)",
  "domain/rollouts/approve-wave.ts": "a rollout spans tenants (Opus admins only)",
  "domain/rollouts/rollback.ts": "a rollout spans tenants (Opus admins only)",
  "domain/rollouts/advance-rollout.ts": "the orchestrator: the worker's fleet-wide schedule, with no actor",
  "domain/releases/version-matrix.ts": "the fleet's version matrix for Opus staff",
  "domain/releases/record-heartbeat.ts": "a machine request: the institution comes from its API key, the environment is filtered by it",
  "domain/releases/fleet-control.ts": "the fleet's freeze calendar and emergency halt are nobody's tenant",
  "domain/releases/environment-release.ts": "reads the fleet's freezes (the environment itself through scopedDb)",
  "domain/releases/request-upgrade.ts": "reads the fleet's freezes (the environment itself through scopedDb)",
  "domain/self-managed/issue-install-bundle.ts": "reads the release registry's modules, Opus' own (the tenant's records through scopedDb)",
} as Record<string, string>;

describe("the domain reaches tenant records only through scopedDb", () => {
  const src = path.join(import.meta.dirname, "../../src");
  const files = ["domain"].flatMap((dir) =>
    readdirSync(path.join(src, dir), { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(".ts"))
      .map((f) => path.join(dir, f)),
  );
  it("uses the plain client only where listed, with a reason", () => {
    // The plain client on a model other than the global ones, or handed on (to audited, a helper);
    // the plain pg pool (ctx.sql) is never scoped.
    const plain = /\bctx\.db(\.(?!(user|plan|signupRequest|meter|planPriceVersion|release|fleetControl)\b)|\s*[,)])|\bctx\.sql\b/;
    const unscoped = files.filter((f) => plain.test(readFileSync(path.join(src, f), "utf8")));
    expect(unscoped.filter((f) => !(f in UNSCOPED))).toEqual([]);
    // No stale entries: a file that no longer needs the plain client leaves the list.
    expect(Object.keys(UNSCOPED).filter((f) => !unscoped.includes(f))).toEqual([]);
  });
});
