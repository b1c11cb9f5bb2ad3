// Every decision on a tenant is a compare-and-set: 50 concurrent calls of the same decision (approve
// and reject mixed, through the real router) produce one effect and one audit event; the other 49
// are told CONFLICT. Without the conditional update each caller writes its own outcome.

import { computeCnpjCheckDigits } from "@opus/rules/cnpj";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyAction } from "../../src/domain/approvals/approval-actions.ts";
import { lockInstitution, moveInstitution } from "../../src/domain/institutions/move-institution.ts";
import { refreshInstitutionStatus } from "../../src/domain/institutions/refresh-institution-status.ts";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { concurrently, expectOneWinner } from "../support/concurrently.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

const N = 50;
let services: TestServices;
let aurora: string;
let horizonte: string;

beforeAll(async () => {
  services = await createTestServices();
  aurora = await institutionIdOf(services, "banco-aurora");
  horizonte = await institutionIdOf(services, "coop-horizonte");
});
afterAll(() => services.cleanup());

const decision = (i: number): "approve" | "reject" => (i % 2 === 0 ? "approve" : "reject");

function auditCount(actions: string[], targetId: string) {
  return services.db.auditEvent.count({ where: { action: { in: actions }, targetId } });
}

async function statusOf(institutionId: string) {
  return (await services.db.institution.findUniqueOrThrow({ where: { id: institutionId } })).status;
}

describe("onboarding decisions", () => {
  it("institutions.submit: 50 concurrent submissions of one complete draft, one submission", async () => {
    // The seeded Horizonte request is complete; make it a draft again.
    await services.db.institution.update({ where: { id: horizonte }, data: { status: "DRAFT", submittedAt: null } });
    const helena = await callerFor(services, "helena@horizonte.example");
    const outcomes = await concurrently(N, () => helena.institutions.submit({ institutionId: horizonte }));
    expect(expectOneWinner(outcomes, N)).toMatchObject({ status: "SUBMITTED" });
    expect(await auditCount(["institution.submitted"], horizonte)).toBe(1);
    expect(await statusOf(horizonte)).toBe("SUBMITTED");
  });

  it("institutions.review: 50 concurrent approvals and rejections, one decision, one queue of provisioning", async () => {
    const otto = await callerFor(services, "operator@opus.example");
    const outcomes = await concurrently(N, (i) =>
      otto.institutions.review({ institutionId: horizonte, decision: decision(i), reason: "checked by the race test" }),
    );
    const winner = expectOneWinner(outcomes, N);
    expect(await auditCount(["institution.approved", "institution.rejected"], horizonte)).toBe(1);
    const environments = await services.db.environment.count({ where: { institutionId: horizonte } });
    const operations = await services.db.operation.count({ where: { environment: { institutionId: horizonte } } });
    if (winner.status === "REJECTED") {
      expect(operations).toBe(0);
    } else {
      expect(winner.status).toBe("PROVISIONING");
      // One UP per environment, not one per approval.
      expect(operations).toBe(environments);
    }
    expect(await statusOf(horizonte)).toBe(winner.status);
  });
});

describe("sign-ups", () => {
  it("signups.decide: 50 concurrent approvals and rejections of one request, one account at most", async () => {
    const anonymous = await callerFor(services, null);
    const request = await anonymous.signups.create({
      name: "Rita Race",
      email: "rita@race.example",
      password: "a-long-password",
      legalName: "Banco Corrida SA",
      cnpj: `RACE00000001${computeCnpjCheckDigits("RACE00000001")}`,
    });
    const otto = await callerFor(services, "operator@opus.example");
    const outcomes = await concurrently(N, (i) => otto.signups.decide({ signupId: request.id, decision: decision(i), reason: "race" }));
    const winner = expectOneWinner(outcomes, N);
    expect(await auditCount(["signup.approved", "signup.rejected"], request.id)).toBe(1);
    expect(await services.db.user.count({ where: { email: "rita@race.example" } })).toBe(winner.status === "APPROVED" ? 1 : 0);
    expect(await services.db.institution.count({ where: { legalName: "Banco Corrida SA" } })).toBe(winner.status === "APPROVED" ? 1 : 0);
    const stored = await services.db.signupRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(stored).toMatchObject({ status: winner.status, institutionId: winner.institutionId });
  });
});

describe("four eyes", () => {
  it("institutions.requestChange: 50 concurrent identical requests, one waits for approval", async () => {
    const otto = await callerFor(services, "operator@opus.example");
    const outcomes = await concurrently(N, () =>
      otto.institutions.requestChange({ institutionId: aurora, action: "SUSPEND", reason: "unpaid" }),
    );
    expectOneWinner(outcomes, N);
    expect(outcomes.errors.every((e) => e.message === "The same change is already waiting for approval.")).toBe(true);
    expect(await services.db.approvalRequest.count({ where: { institutionId: aurora, status: "PENDING" } })).toBe(1);
    expect(await services.db.auditEvent.count({ where: { action: "approval.requested", institutionId: aurora } })).toBe(1);
  });

  it("approvals.decide: 50 concurrent approvals and rejections of one request, one decision and at most one suspension", async () => {
    const olga = await callerFor(services, "operator2@opus.example");
    const request = await services.db.approvalRequest.findFirstOrThrow({ where: { institutionId: aurora, status: "PENDING" } });
    const outcomes = await concurrently(N, (i) => olga.approvals.decide({ approvalId: request.id, decision: decision(i) }));
    const winner = expectOneWinner(outcomes, N);
    expect(await auditCount(["approval.approved", "approval.rejected"], request.id)).toBe(1);
    expect(await statusOf(aurora)).toBe(winner.status === "APPROVED" ? "SUSPENDED" : "ACTIVE");
  });

  it("institutions.resume: 50 concurrent resumptions, one", async () => {
    await services.db.institution.update({ where: { id: aurora }, data: { status: "SUSPENDED" } });
    await services.db.environment.updateMany({ where: { institutionId: aurora }, data: { status: "SUSPENDED" } });
    const otto = await callerFor(services, "operator@opus.example");
    const outcomes = await concurrently(N, () => otto.institutions.resume({ institutionId: aurora }));
    expect(expectOneWinner(outcomes, N)).toMatchObject({ status: "ACTIVE" });
    expect(await auditCount(["institution.resumed"], aurora)).toBe(1);
  });

  it("approving a suspension and an offboarding at once never leaves the later decision undone", async () => {
    // Two different requests on one active tenant. Suspend-then-offboard is legal, offboard-then-
    // suspend is not; either way the tenant must end offboarding, never suspended with an
    // offboarding date (the state a lost update leaves).
    const [suspend, offboard] = await Promise.all(
      (["SUSPEND", "OFFBOARD"] as const).map((action) =>
        services.db.approvalRequest.create({
          data: { institutionId: aurora, action, reason: "race", requestedById: "someone-else" },
        }),
      ),
    );
    const olga = await callerFor(services, "operator2@opus.example");
    const outcomes = await concurrently(N, (i) =>
      olga.approvals.decide({ approvalId: (i % 2 ? suspend : offboard)?.id ?? "", decision: "approve" }),
    );
    expect(outcomes.errors.every((e) => e.code === "CONFLICT")).toBe(true);
    const tenant = await services.db.institution.findUniqueOrThrow({ where: { id: aurora } });
    expect(tenant.status).toBe("OFFBOARDING");
    expect(tenant.offboardingStartedAt).not.toBeNull();
    const decided = await services.db.approvalRequest.findMany({ where: { id: { in: [suspend?.id ?? "", offboard?.id ?? ""] } } });
    const approved = decided.filter((r) => r.status === "APPROVED");
    expect(outcomes.ok).toHaveLength(approved.length);
    expect(await services.db.auditEvent.count({ where: { action: "approval.approved", targetId: { in: decided.map((r) => r.id) } } })).toBe(
      approved.length,
    );
  });

  it("every approved action applied to a tenant read before it moved is a CONFLICT, and changes nothing", async () => {
    const id = (
      await services.db.institution.create({
        data: { slug: "stale-read", legalName: "Stale Read", status: "SUSPENDED", deploymentMode: "SAAS" },
      })
    ).id;
    // What the approver read: active, SaaS. Since then the tenant was suspended.
    const stale = { id, status: "ACTIVE" as const, deploymentMode: "SAAS" as const, retentionDays: 90, environments: [] };
    for (const [action, payload] of [
      ["SUSPEND", null],
      ["OFFBOARD", null],
      ["CHANGE_MODE", { deploymentMode: "SELF_MANAGED" as const }],
      ["DELETE", null],
    ] as const) {
      await expect(
        services.db.$transaction((tx) =>
          applyAction(tx, stale, action, payload, new Date(), services.log, { reason: "test", requestedById: "test" }),
        ),
        action,
      ).rejects.toMatchObject({ code: "CONFLICT" });
    }
    expect(await services.db.institution.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "SUSPENDED",
      deploymentMode: "SAAS",
      offboardingStartedAt: null,
    });
  });

  it("applying an approved action on a tenant that moved since it was read is a CONFLICT", async () => {
    const sertao = await institutionIdOf(services, "fintech-sertao");
    await expect(services.db.$transaction((tx) => moveInstitution(tx, { id: sertao, status: "REJECTED" }, "reopen"))).rejects.toMatchObject(
      { code: "CONFLICT", message: expect.stringContaining("at the same moment") },
    );
    expect(await statusOf(sertao)).toBe("DRAFT");
  });
});

describe("offboarding", () => {
  it("institutions.confirmDestruction: 50 concurrent confirmations, one, and one teardown per environment", async () => {
    await services.db.institution.update({
      where: { id: aurora },
      data: { status: "OFFBOARDING", exportedAt: new Date(), retentionUntil: new Date(Date.now() - 86_400_000) },
    });
    const admin = await callerFor(services, "admin@opus.example");
    const outcomes = await concurrently(N, () => admin.institutions.confirmDestruction({ institutionId: aurora }));
    const winner = expectOneWinner(outcomes, N);
    expect(await auditCount(["institution.destruction_confirmed"], aurora)).toBe(1);
    const destroys = await services.db.operation.count({ where: { kind: "DESTROY", environment: { institutionId: aurora } } });
    expect(destroys).toBe(winner.environmentsToDestroy.length);
  });
});

describe("members", () => {
  it("two admins demoted at once by 50 concurrent calls: one demotion, the institution keeps an admin", async () => {
    const sertao = await institutionIdOf(services, "fintech-sertao");
    const sergio = await services.db.membership.findFirstOrThrow({ where: { institutionId: sertao } });
    const second = await services.db.user.findUniqueOrThrow({ where: { email: "victor@aurora.example" } });
    const other = await services.db.membership.create({ data: { userId: second.id, institutionId: sertao, role: "ADMIN" } });
    const otto = await callerFor(services, "operator@opus.example");
    const outcomes = await concurrently(N, (i) =>
      otto.members.updateRole({ institutionId: sertao, membershipId: (i % 2 ? sergio : other).id, role: "VIEWER" }),
    );
    // Repeating a demotion that already happened changes nothing; demoting the last admin is refused.
    expect(outcomes.errors.every((e) => e.code === "PRECONDITION_FAILED")).toBe(true);
    expect(await services.db.membership.count({ where: { institutionId: sertao, role: "ADMIN" } })).toBe(1);
    expect(await services.db.auditEvent.count({ where: { action: "member.role_changed", institutionId: sertao } })).toBe(1);
  });

  it("members.revokeInvitation: 50 concurrent revocations of one link, one", async () => {
    const otto = await callerFor(services, "operator@opus.example");
    const sertao = await institutionIdOf(services, "fintech-sertao");
    const invitation = await otto.members.invite({ institutionId: sertao, email: "revoke-race@example.com", role: "VIEWER" });
    const outcomes = await concurrently(N, () => otto.members.revokeInvitation({ institutionId: sertao, invitationId: invitation.id }));
    expectOneWinner(outcomes, N);
    expect(await auditCount(["member.invitation_revoked"], invitation.id)).toBe(1);
  });
});

type Tx = Parameters<Parameters<TestServices["db"]["$transaction"]>[0]>[0];

/** Runs `change` in a transaction that stays open `ms` after it, so another call can start meanwhile. */
function holdOpen(change: (tx: Tx) => Promise<unknown>, ms: number) {
  return services.db.$transaction(async (tx) => {
    await change(tx);
    await new Promise((resolve) => setTimeout(resolve, ms));
  });
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("interleavings", () => {
  it("a status refresh that read before a concurrent decision derives again instead of overwriting it", async () => {
    const id = (await services.db.institution.create({ data: { slug: "refresh-race", legalName: "Refresh Race", status: "APPROVED" } })).id;
    await services.db.environment.create({ data: { institutionId: id, kind: "PRODUCTION", stackName: "refresh-race-production" } });
    // The decision holds the row; the refresh reads APPROVED (so derives PROVISIONING) and waits to write.
    const decision = holdOpen((tx) => tx.institution.update({ where: { id }, data: { status: "OFFBOARDING" } }), 400);
    await pause(100);
    const refreshed = await services.db.$transaction((tx) => refreshInstitutionStatus(tx, id, new Date()));
    await decision;
    expect(refreshed.status).toBe("OFFBOARDING");
    expect(await statusOf(id)).toBe("OFFBOARDING");
    // The refresh moved nothing, so it has no status change to report.
    expect(refreshed.statusChange).toBeNull();
  });

  it("a submission waits for an edit in progress and checks the answers as the edit left them", async () => {
    expect(await services.db.contact.count({ where: { institutionId: horizonte } })).toBeGreaterThanOrEqual(2);
    await services.db.institution.update({ where: { id: horizonte }, data: { status: "DRAFT" } });
    // An edit (as saveStep does it: lock, then change) removes the contacts while a submission starts.
    const edit = holdOpen(async (tx) => {
      await lockInstitution(tx, horizonte);
      await tx.contact.deleteMany({ where: { institutionId: horizonte } });
    }, 400);
    await pause(100);
    const helena = await callerFor(services, "helena@horizonte.example");
    await expect(helena.institutions.submit({ institutionId: horizonte })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("contacts"),
    });
    await edit;
    expect(await statusOf(horizonte)).toBe("DRAFT");
  });

  it("a retention change racing a confirmed destruction is a CONFLICT, not a new retention for destroyed data", async () => {
    const id = (
      await services.db.institution.create({
        data: { slug: "retention-race", legalName: "Retention Race", status: "OFFBOARDING", offboardingStartedAt: new Date() },
      })
    ).id;
    const destruction = holdOpen((tx) => tx.institution.update({ where: { id }, data: { destroyedAt: new Date() } }), 400);
    await pause(100);
    const admin = await callerFor(services, "admin@opus.example");
    await expect(admin.institutions.setRetention({ institutionId: id, retentionDays: 365 })).rejects.toMatchObject({ code: "CONFLICT" });
    await destruction;
    expect((await services.db.institution.findUniqueOrThrow({ where: { id } })).retentionDays).toBe(90);
  });

  it("an edit that starts while the draft is being submitted is refused, not written into the submitted request", async () => {
    const sertao = await institutionIdOf(services, "fintech-sertao");
    await services.db.institution.update({ where: { id: sertao }, data: { status: "DRAFT" } });
    // The demotion race above may have left Sérgio a viewer: he edits as the admin he is in the seed.
    await services.db.membership.updateMany({
      where: { institutionId: sertao, user: { email: "sergio@sertao.example" } },
      data: { role: "ADMIN" },
    });
    // The submission (its compare-and-set) holds the row while the edit arrives.
    const submission = holdOpen(
      (tx) => tx.institution.updateMany({ where: { id: sertao, status: "DRAFT" }, data: { status: "SUBMITTED" } }),
      400,
    );
    await pause(100);
    const sergio = await callerFor(services, "sergio@sertao.example");
    await expect(
      sergio.institutions.saveStep({
        institutionId: sertao,
        step: "contacts",
        data: { technical: { name: "Late", email: "late@example.com" }, billing: { name: "Late", email: "late@example.com" } },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("already submitted") });
    await submission;
    expect(await services.db.contact.count({ where: { institutionId: sertao, email: "late@example.com" } })).toBe(0);
  });
});
