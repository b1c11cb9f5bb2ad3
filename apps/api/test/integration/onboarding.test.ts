// The onboarding journey through the real router and database: an Opus invitation or a self
// sign-up, the wizard step by step, submission, review, rejection and resubmission.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../support/callers.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

let services: TestServices;
beforeAll(async () => {
  services = await createTestServices();
});
afterAll(() => services.cleanup());

const identity = {
  legalName: "Banco Onboarding S.A.",
  tradeName: "Onboarding",
  cnpj: "77.888.999/0001-81",
  organisationId: "57099bc9-44c4-409c-b910-e5e91cd170bf",
  roles: ["DADOS", "PAGTO"] as ("DADOS" | "PAGTO")[],
};

async function invitedAdmin(legalName: string, email: string) {
  const operator = await callerFor(services, "operator@opus.example");
  const created = await operator.institutions.create({ legalName, adminEmail: email });
  const token = created.invitationLink?.split("/invite/")[1] ?? "";
  await (await callerFor(services, null)).members.acceptInvitation({ token, name: "New Admin", password: "a-long-password" });
  return { institutionId: created.id, slug: created.slug, admin: await callerFor(services, email) };
}

describe("onboarding", () => {
  it("an invited admin fills the wizard step by step, submits, and an operator approves", async () => {
    const { institutionId, slug, admin } = await invitedAdmin("Banco Onboarding S.A.", "admin@onboarding.example");
    expect(slug).toBe("banco-onboarding");
    const plans = await admin.plans.find();
    const plan = plans.find((p) => p.code === "growth");

    await admin.institutions.saveStep({ institutionId, step: "identity", data: identity });
    // The draft keeps what was saved, normalised.
    let draft = await admin.institutions.get({ institutionId });
    expect(draft).toMatchObject({ cnpj: "77888999000181", status: "DRAFT", roles: ["DADOS", "PAGTO"] });

    await expect(admin.institutions.submit({ institutionId })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Complete these steps before submitting: profile, contacts, deployment, environments.",
    });

    await admin.institutions.saveStep({
      institutionId,
      step: "profile",
      data: {
        brands: [{ name: "Onboarding", authorisationServerId: "4894c2a4-62bc-4935-9368-461834e1e958" }],
        apiFamilies: ["accounts", "consents", "payments-pix"],
      },
    });
    await admin.institutions.saveStep({
      institutionId,
      step: "contacts",
      data: {
        technical: { name: "Tech", email: "TECH@onboarding.example", phone: "+55 11 4000-0000" },
        billing: { name: "Billing", email: "billing@onboarding.example" },
      },
    });
    await admin.institutions.saveStep({
      institutionId,
      step: "deployment",
      data: {
        mode: "MANAGED",
        cloudProvider: "AWS",
        accountRef: "210987654321",
        region: "sa-east-1",
        clusterName: "onboarding-eks",
        clusterEndpoint: "https://onboarding-eks.example",
        credentials: {
          kubeconfig: "apiVersion: v1\nkind: Config\nclusters: []\n",
          gateway: { domain: "openfinance.onboarding.example", namespace: "kong" },
          database: {
            host: "pg.onboarding.internal",
            port: 5432,
            adminUser: "opus_admin",
            adminPassword: "db-secret-123",
            sslMode: "require",
            cidr: "10.20.0.0/24",
          },
          queue: {
            kind: "rabbitmq",
            endpoint: "https://mq.onboarding.internal:15671",
            adminUser: "opus",
            adminPassword: "mq-secret-456",
            host: "mq.onboarding.internal",
            port: 5671,
            cidr: "10.20.1.0/24",
          },
        },
      },
    });
    const saved = await admin.institutions.saveStep({
      institutionId,
      step: "environments",
      data: { kinds: ["HOMOLOGATION", "PRODUCTION"], planId: plan?.id ?? "" },
    });
    expect(saved.wizardStep).toBe(5);

    // Credentials are stored encrypted, as one document, and never returned.
    const account = await services.db.managedAccount.findUniqueOrThrow({ where: { institutionId } });
    expect(account.credentialsCiphertext).not.toMatch(/kind: Config|db-secret-123/);
    expect(JSON.parse(services.opener.decrypt(account.credentialsCiphertext))).toMatchObject({
      kubeconfig: expect.stringContaining("kind: Config"),
      database: { adminPassword: "db-secret-123" },
    });
    draft = await admin.institutions.get({ institutionId });
    // Where the credentials come from (credentialsSource) is shown; the credentials never are.
    expect(JSON.stringify(draft)).not.toMatch(/credentials(?!Source)|secret-123/i);
    expect(draft.environments.map((e) => e.stackName)).toEqual(["banco-onboarding-homologation", "banco-onboarding-production"]);

    expect(await admin.institutions.submit({ institutionId })).toEqual({ id: institutionId, status: "SUBMITTED" });
    await expect(admin.institutions.saveStep({ institutionId, step: "identity", data: identity })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    // A customer cannot approve their own request.
    await expect(admin.institutions.review({ institutionId, decision: "approve" })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const operator = await callerFor(services, "operator@opus.example");
    const reviewed = await operator.institutions.review({ institutionId, decision: "approve" });
    // Approval hands each environment to the provisioner, so the tenant is provisioning, not active.
    expect(reviewed.status).toBe("PROVISIONING");
    const queued = await services.db.operation.findMany({ where: { environment: { institutionId } }, orderBy: { stackName: "asc" } });
    expect(queued.map((o) => [o.stackName, o.kind, o.status])).toEqual([
      ["banco-onboarding-homologation", "UP", "QUEUED"],
      ["banco-onboarding-production", "UP", "QUEUED"],
    ]);
    const envs = await services.db.environment.findMany({ where: { institutionId } });
    expect(envs.every((e) => e.cluster === "onboarding-eks")).toBe(true);
    const actions = (await services.db.auditEvent.findMany({ where: { institutionId }, orderBy: { createdAt: "asc" } })).map(
      (a) => a.action,
    );
    // One event per action: the invitation is part of "created", the queued deploys and the
    // status move are part of "approved".
    expect(actions).toEqual([
      "institution.created",
      "member.joined",
      ...Array(5).fill("institution.draft_saved"),
      "institution.submitted",
      "institution.approved",
    ]);
  });

  it("validates each step with messages a person understands, and changes nothing", async () => {
    const { institutionId, admin } = await invitedAdmin("Validação Ltda.", "admin@validacao.example");
    const before = await services.db.institution.findUniqueOrThrow({ where: { id: institutionId } });
    await expect(
      admin.institutions.saveStep({ institutionId, step: "identity", data: { ...identity, cnpj: "11.222.333/0001-80", roles: [] } }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/cnpj: .*check digit.*roles: choose at least one regulatory role/i),
    });
    await expect(
      admin.institutions.saveStep({ institutionId, step: "environments", data: { kinds: ["PRODUCTION"], planId: "x" } }),
    ).rejects.toMatchObject({
      message: expect.stringContaining("homologation and production are required"),
    });
    await expect(
      admin.institutions.saveStep({
        institutionId,
        step: "deployment",
        data: {
          mode: "MANAGED",
          cloudProvider: "AWS",
          accountRef: "1",
          region: "sa-east-1",
          clusterName: "c",
          clusterEndpoint: "https://c.example",
        },
      }),
    ).rejects.toMatchObject({ message: expect.stringContaining("kubeconfig") });
    expect(await services.db.institution.findUniqueOrThrow({ where: { id: institutionId } })).toEqual(before);
  });

  it("a CNPJ already registered is a conflict on the identity step", async () => {
    const { institutionId, admin } = await invitedAdmin("Duplicado S.A.", "admin@duplicado.example");
    await expect(
      admin.institutions.saveStep({
        institutionId,
        step: "identity",
        data: { ...identity, cnpj: "11222333000181", organisationId: "0d1f6c1e-9a55-4d0e-bb87-1f2d0a4f5e6b" },
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Another institution is already registered with this CNPJ.",
    });
  });

  it("a rejected request carries its reason, reopens as a draft when edited, and can be resubmitted", async () => {
    const horizonte = await services.db.institution.findUniqueOrThrow({ where: { slug: "coop-horizonte" } });
    const operator = await callerFor(services, "operator@opus.example");
    await expect(operator.institutions.review({ institutionId: horizonte.id, decision: "reject" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(
      (
        await operator.institutions.review({
          institutionId: horizonte.id,
          decision: "reject",
          reason: "OrganisationId not found in the Directory",
        })
      ).status,
    ).toBe("REJECTED");
    const admin = await callerFor(services, "helena@horizonte.example");
    expect((await admin.institutions.get({ institutionId: horizonte.id })).rejectionReason).toBe(
      "OrganisationId not found in the Directory",
    );
    await admin.institutions.saveStep({
      institutionId: horizonte.id,
      step: "contacts",
      data: {
        technical: { name: "Helena Costa", email: "helena@horizonte.example" },
        billing: { name: "Tesouraria", email: "tesouraria@horizonte.example" },
      },
    });
    expect((await services.db.institution.findUniqueOrThrow({ where: { id: horizonte.id } })).status).toBe("DRAFT");
    // The reopening is recorded with the edit that caused it; a later edit of the draft is a plain save.
    await admin.institutions.saveStep({
      institutionId: horizonte.id,
      step: "contacts",
      data: {
        technical: { name: "Helena Costa", email: "helena@horizonte.example" },
        billing: { name: "Tesouraria Horizonte", email: "tesouraria@horizonte.example" },
      },
    });
    const saves = await services.db.auditEvent.findMany({
      where: { institutionId: horizonte.id, action: "institution.draft_saved" },
      orderBy: { createdAt: "asc" },
      select: { data: true },
    });
    expect(saves.slice(-2).map((e) => e.data)).toEqual([
      { step: "contacts", reopened: { from: "REJECTED", to: "DRAFT" } },
      { step: "contacts" },
    ]);
    expect((await admin.institutions.submit({ institutionId: horizonte.id })).status).toBe("SUBMITTED");
  });

  it("self sign-up creates nothing until an operator approves it", async () => {
    const anonymous = await callerFor(services, null);
    const request = await anonymous.signups.create({
      name: "Self Starter",
      email: "self@starter.example",
      password: "a-long-password",
      legalName: "Starter Pagamentos",
      cnpj: "99.887.766/0001-05",
    });
    expect(request.status).toBe("PENDING");
    expect(await services.db.user.count({ where: { email: "self@starter.example" } })).toBe(0);
    await expect(
      anonymous.signups.create({
        name: "Again",
        email: "self@starter.example",
        password: "a-long-password",
        legalName: "X",
        cnpj: "99887766000105",
      }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const operator = await callerFor(services, "operator@opus.example");
    expect((await operator.signups.find({ status: "PENDING" })).map((s) => s.email)).toContain("self@starter.example");
    const decided = await operator.signups.decide({ signupId: request.id, decision: "approve" });
    const institution = await services.db.institution.findUniqueOrThrow({
      where: { id: decided.institutionId ?? "" },
      include: { memberships: { include: { user: true } } },
    });
    expect(institution).toMatchObject({ status: "DRAFT", cnpj: "99887766000105", legalName: "Starter Pagamentos" });
    expect(institution.memberships.map((m) => [m.user.email, m.role])).toEqual([["self@starter.example", "ADMIN"]]);
    await expect(operator.signups.decide({ signupId: request.id, decision: "reject", reason: "late" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });
});
