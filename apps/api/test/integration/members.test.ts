import { readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashInvitationToken } from "../../src/domain/members/invitation-token.ts";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let aurora: string;

beforeAll(async () => {
  services = await createTestServices();
  aurora = await institutionIdOf(services, "banco-aurora");
});
afterAll(() => services.cleanup());

function tokenOf(link: string | null) {
  if (link === null) throw new Error("the invitation link was not returned");
  return link.split("/invite/")[1] ?? "";
}

describe("members", () => {
  it("an institution admin invites a newcomer who accepts with a new account", async () => {
    const admin = await callerFor(services, "ana@aurora.example");
    const invitation = await admin.members.invite({ institutionId: aurora, email: "New.Person@Aurora.example", role: "VIEWER" });
    expect(invitation.email).toBe("new.person@aurora.example");
    expect(invitation.link).toMatch(/^http:\/\/console\.test\/invite\/[\w-]{40,}$/);
    expect(invitation.emailed).toBe(true);
    const outbox = path.join(tmpdir(), "opus-test-outbox", services.databaseUrl.split("/").at(-1) ?? "");
    const mails = await Promise.all((await readdir(outbox)).map((f) => readFile(path.join(outbox, f), "utf8")));
    const mail = mails.find((m) => m.includes("To: new.person@aurora.example"));
    // Quoted-printable body (the text has accents): undo its soft line breaks before looking.
    expect(mail?.replace(/=\r?\n/g, "")).toContain(invitation.link ?? "no link");

    const anonymous = await callerFor(services, null);
    const preview = await anonymous.members.getInvitation({ token: tokenOf(invitation.link) });
    expect(preview).toEqual({
      email: "new.person@aurora.example",
      role: "VIEWER",
      institutionName: "Banco Aurora S.A.",
      hasAccount: false,
    });

    const accepted = await anonymous.members.acceptInvitation({
      token: tokenOf(invitation.link),
      name: "New Person",
      password: "a-long-password",
    });
    expect(accepted).toMatchObject({ email: "new.person@aurora.example", institutionId: aurora, role: "VIEWER" });

    const { members } = await admin.members.find({ institutionId: aurora });
    expect(members.map((m) => m.user.email)).toContain("new.person@aurora.example");
    // The link works once.
    await expect(
      anonymous.members.acceptInvitation({ token: tokenOf(invitation.link), name: "X", password: "another-password" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const audit = await services.db.auditEvent.findMany({
      where: { institutionId: aurora, action: { in: ["member.invited", "member.joined"] } },
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["member.invited", "member.joined"]);
  });

  it("an existing account must be signed in as the invited address", async () => {
    const horizonte = await institutionIdOf(services, "coop-horizonte");
    const staff = await callerFor(services, "operator@opus.example");
    const invitation = await staff.members.invite({ institutionId: horizonte, email: "ana@aurora.example", role: "VIEWER" });
    const token = tokenOf(invitation.link);
    await expect((await callerFor(services, null)).members.acceptInvitation({ token })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect((await callerFor(services, "victor@aurora.example")).members.acceptInvitation({ token })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
    const result = await (await callerFor(services, "ana@aurora.example")).members.acceptInvitation({ token });
    expect(result.institutionId).toBe(horizonte);
  });

  it("keeps at least one admin and scopes member ids to the institution", async () => {
    const horizonte = await institutionIdOf(services, "coop-horizonte");
    const admin = await callerFor(services, "helena@horizonte.example");
    const { members } = await admin.members.find({ institutionId: horizonte });
    const helena = members.find((m) => m.user.email === "helena@horizonte.example");
    expect(helena?.role).toBe("ADMIN");
    await expect(
      admin.members.updateRole({ institutionId: horizonte, membershipId: helena?.id ?? "", role: "VIEWER" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("at least one admin"),
    });
    // Another tenant's membership id through my own institution is simply not found.
    const auroraMembers = await (await callerFor(services, "ana@aurora.example")).members.find({ institutionId: aurora });
    const victor = auroraMembers.members.find((m) => m.user.email === "victor@aurora.example");
    await expect(admin.members.remove({ institutionId: horizonte, membershipId: victor?.id ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await services.db.membership.count({ where: { id: victor?.id ?? "" } })).toBe(1);
  });

  it("an invitation as viewer, accepted by the institution's last admin, does not demote them", async () => {
    // Invitations refuse current members, so this is a member who joined after being invited.
    const ana = await services.db.user.findUniqueOrThrow({ where: { email: "ana@aurora.example" } });
    const token = "last-admin-invitation-token-0123456789abcdefghij";
    await services.db.invitation.create({
      data: {
        institutionId: aurora,
        email: ana.email,
        role: "VIEWER",
        tokenHash: hashInvitationToken(token),
        invitedById: ana.id,
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    });
    const asAna = await callerFor(services, "ana@aurora.example");
    await expect(asAna.members.acceptInvitation({ token })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const membership = await services.db.membership.findFirstOrThrow({ where: { userId: ana.id, institutionId: aurora } });
    expect(membership.role).toBe("ADMIN");
    expect(await services.db.invitation.count({ where: { tokenHash: hashInvitationToken(token), acceptedAt: null } })).toBe(1);
  });

  it("changes a role and removes a member, auditing both", async () => {
    const admin = await callerFor(services, "ana@aurora.example");
    const { members } = await admin.members.find({ institutionId: aurora });
    const victor = members.find((m) => m.user.email === "victor@aurora.example");
    if (!victor) throw new Error("seed changed");
    expect(await admin.members.updateRole({ institutionId: aurora, membershipId: victor.id, role: "ADMIN" })).toEqual({
      id: victor.id,
      role: "ADMIN",
    });
    await admin.members.remove({ institutionId: aurora, membershipId: victor.id });
    expect(await services.db.membership.count({ where: { id: victor.id } })).toBe(0);
    const actions = (await services.db.auditEvent.findMany({ where: { targetId: victor.id }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    expect(actions).toEqual(["member.role_changed", "member.removed"]);
  });
});
