// Races that end at a unique constraint (Prisma P2002) are CONFLICTs with a message a person can act
// on, never a 500, and "one pending X" rules hold when requests arrive at the same moment.

import { computeCnpjCheckDigits } from "@opus/rules/cnpj";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { concurrently, expectOneWinner, type Outcomes } from "../support/concurrently.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let aurora: string;
let horizonte: string;

beforeAll(async () => {
  services = await createTestServices();
  aurora = await institutionIdOf(services, "banco-aurora");
  horizonte = await institutionIdOf(services, "coop-horizonte");
});
afterAll(() => services.cleanup());

const tokenOf = (link: string | null) => link?.split("/invite/")[1] ?? "";
const cnpj = (base: string) => `${base}${computeCnpjCheckDigits(base)}`;

/**
 * Every refusal is a 4xx the person can act on: no INTERNAL_SERVER_ERROR, and where the domain knows
 * which value collided, its own words rather than the generic fallback.
 */
function expectOnlyRefusals(outcomes: Outcomes<unknown>, codes: string[]) {
  for (const error of outcomes.errors) {
    expect(codes, error.message).toContain(error.code);
    expect(error.message).not.toMatch(/something went wrong|another request created the same record/i);
  }
}

describe("invitations", () => {
  it("20 concurrent invitations of one address leave exactly one usable link", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    const outcomes = await concurrently(20, () =>
      ana.members.invite({ institutionId: aurora, email: "twenty@race.example", role: "VIEWER" }),
    );
    expectOnlyRefusals(outcomes, ["CONFLICT"]);
    expect(outcomes.ok.length).toBeGreaterThanOrEqual(1);
    const usable = await services.db.invitation.findMany({
      where: { institutionId: aurora, email: "twenty@race.example", acceptedAt: null, revokedAt: null },
    });
    expect(usable).toHaveLength(1);
    // The usable link is one that was handed out, and it works; every other one handed out does not.
    const anonymous = await callerFor(services, null);
    const live = [];
    for (const invitation of outcomes.ok) {
      const opened = await anonymous.members.getInvitation({ token: tokenOf(invitation.link) }).then(
        () => true,
        () => false,
      );
      if (opened) live.push(invitation.id);
    }
    expect(live).toEqual([usable[0]?.id]);
  });

  it("two invitations for one new address, accepted at the same moment: one account, the other link still usable", async () => {
    const ana = await callerFor(services, "ana@aurora.example");
    const helena = await callerFor(services, "helena@horizonte.example");
    const email = "newcomer@race.example";
    const links = [
      (await ana.members.invite({ institutionId: aurora, email, role: "VIEWER" })).link,
      (await helena.members.invite({ institutionId: horizonte, email, role: "ADMIN" })).link,
    ];
    const anonymous = await callerFor(services, null);
    const outcomes = await concurrently(20, (i) =>
      anonymous.members.acceptInvitation({ token: tokenOf(links[i % 2] ?? ""), name: "New Comer", password: "a-long-password" }),
    );
    // Losers on the same link are told it was used; losers on the other link that the account now
    // exists (sign in first), whether they lost at the check or at the unique e-mail.
    expectOnlyRefusals(outcomes, ["CONFLICT", "PRECONDITION_FAILED", "UNAUTHORIZED"]);
    expect(outcomes.ok).toHaveLength(1);
    expect(await services.db.user.count({ where: { email } })).toBe(1);
    expect(await services.db.auditEvent.count({ where: { action: "member.joined", data: { path: ["email"], equals: email } } })).toBe(1);
    const pending = await services.db.invitation.count({ where: { email, acceptedAt: null, revokedAt: null } });
    expect(pending).toBe(1);
  });
});

describe("sign-ups", () => {
  it("20 concurrent sign-ups with one e-mail leave one request waiting", async () => {
    const anonymous = await callerFor(services, null);
    const outcomes = await concurrently(20, (i) =>
      anonymous.signups.create({
        name: "Twin",
        email: "twin@race.example",
        password: "a-long-password",
        legalName: `Twin ${i} SA`,
        cnpj: cnpj(`TWIN${String(i).padStart(8, "0")}`),
      }),
    );
    expectOneWinner(outcomes, 20);
    expect(outcomes.errors.every((e) => e.message.includes("already waiting"))).toBe(true);
    expect(await services.db.signupRequest.count({ where: { email: "twin@race.example", status: "PENDING" } })).toBe(1);
  });

  it("approving two sign-ups for one CNPJ at the same moment creates one institution; the other stays pending", async () => {
    const shared = cnpj("SAME00000001");
    const anonymous = await callerFor(services, null);
    const requests = await Promise.all(
      ["first", "second"].map((who) =>
        anonymous.signups.create({
          name: who,
          email: `${who}@same.example`,
          password: "a-long-password",
          // Different names, so the only value the two share is the CNPJ.
          legalName: `Mesmo ${who} SA`,
          cnpj: shared,
        }),
      ),
    );
    const [otto, olga] = await Promise.all(["operator@opus.example", "operator2@opus.example"].map((email) => callerFor(services, email)));
    if (!otto || !olga) throw new Error("demo operators missing");
    const outcomes = await concurrently(20, (i) =>
      (i % 2 ? otto : olga).signups.decide({ signupId: requests[i % 2]?.id ?? "", decision: "approve" }),
    );
    expectOnlyRefusals(outcomes, ["CONFLICT"]);
    expect(outcomes.ok).toHaveLength(1);
    expect(outcomes.errors.some((e) => e.message === "This CNPJ was registered meanwhile; reject this request.")).toBe(true);
    expect(await services.db.institution.count({ where: { cnpj: shared } })).toBe(1);
    const statuses = (await services.db.signupRequest.findMany({ where: { cnpj: shared } })).map((r) => r.status).sort();
    expect(statuses).toEqual(["APPROVED", "PENDING"]);
  });
});

describe("onboarding", () => {
  it("two drafts claiming one CNPJ at the same moment: one gets it, the other is told which field", async () => {
    const operator = await callerFor(services, "operator@opus.example");
    const drafts = [
      await institutionIdOf(services, "fintech-sertao"),
      (await operator.institutions.create({ legalName: "Outro Banco", adminEmail: "outro@race.example" })).id,
    ];
    const shared = cnpj("CLAIM0000001");
    const outcomes = await concurrently(20, (i) =>
      operator.institutions.saveStep({
        institutionId: drafts[i % 2] ?? "",
        step: "identity",
        data: {
          legalName: `Draft ${i % 2}`,
          cnpj: shared,
          organisationId: i % 2 ? "0b1f4c1e-8a53-4f0e-9d51-6c1e6f0e2a11" : "5d7c2b9a-3e1f-4a8b-b6c4-2f9e8d7a6b51",
          roles: ["DADOS"],
        },
      }),
    );
    expectOnlyRefusals(outcomes, ["CONFLICT"]);
    expect(outcomes.errors.every((e) => e.message === "Another institution is already registered with this CNPJ.")).toBe(true);
    expect(await services.db.institution.count({ where: { cnpj: shared } })).toBe(1);
  });
});

describe("any other unique value", () => {
  it("plans.save: 20 concurrent creations of one plan code, one plan, the rest CONFLICT", async () => {
    const admin = await callerFor(services, "admin@opus.example");
    const outcomes = await concurrently(20, () => admin.plans.save({ code: "race-plan", name: "Race", size: "SMALL", active: true }));
    expectOneWinner(outcomes, 20);
    expect(await services.db.plan.count({ where: { code: "race-plan" } })).toBe(1);
  });
});
