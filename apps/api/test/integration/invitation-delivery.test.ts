// Where e-mail is delivered (SMTP_URL), an invitation's link reaches the invited address only:
// the inviter's answer carries no link, the e-mail does, and the link works from there.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, institutionIdOf } from "../support/callers.ts";
import { startSmtpSink } from "../support/smtp-sink.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
  services = await createTestServices({ smtpUrl: smtp.url });
});
afterAll(async () => {
  await services.cleanup();
  await smtp.close();
});

/** The invitation link in the mail sent to `email` (quoted-printable soft breaks undone). */
function linkMailedTo(email: string): string {
  const mail = smtp.received.findLast((m) => m.to.some((to) => to.includes(email)));
  const match = mail?.data.replace(/=\r?\n/g, "").match(/http:\/\/console\.test\/invite\/[\w-]+/);
  if (!match) throw new Error(`no invitation link was mailed to ${email}`);
  return match[0];
}

describe("invitations with e-mail delivery configured", () => {
  it("a member invitation answers without the link, and the e-mailed link is the one that works", async () => {
    const admin = await callerFor(services, "ana@aurora.example");
    const aurora = await institutionIdOf(services, "banco-aurora");
    const invitation = await admin.members.invite({ institutionId: aurora, email: "mailed.person@aurora.example", role: "VIEWER" });
    expect(invitation.link).toBeNull();
    expect(invitation.emailed).toBe(true);
    expect(JSON.stringify(invitation)).not.toContain("/invite/");

    const link = linkMailedTo("mailed.person@aurora.example");
    const anonymous = await callerFor(services, null);
    const token = link.split("/invite/")[1] ?? "";
    expect(await anonymous.members.getInvitation({ token })).toMatchObject({ email: "mailed.person@aurora.example" });
    const accepted = await anonymous.members.acceptInvitation({ token, name: "Mailed Person", password: "a-long-password" });
    expect(accepted).toMatchObject({ email: "mailed.person@aurora.example", institutionId: aurora });
  });

  it("a new institution's first-admin invitation is e-mailed and not returned to the operator", async () => {
    const operator = await callerFor(services, "operator@opus.example");
    const created = await operator.institutions.create({ legalName: "Banco Correio S.A.", adminEmail: "first.admin@correio.example" });
    expect(created.invitationLink).toBeNull();
    expect(linkMailedTo("first.admin@correio.example")).toMatch(/\/invite\//);
  });
});
