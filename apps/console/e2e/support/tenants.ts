// Fresh institutions for tests that change an institution, created through the API (as Opus staff
// and the invited admin would), so no test depends on what another test does to the demo data.
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";
import { ACCOUNTS, uniqueEmail } from "./accounts";
import { type Credentials, signInRequest } from "./fixtures";
import { uniqueCnpj, uniqueSuffix, uniqueUuid } from "./identifiers";
import { trpcMutation, trpcQuery } from "./trpc";

export type Tenant = {
  id: string;
  legalName: string;
  cnpj: string;
  organisationId: string;
  admin: Credentials;
};

const PASSWORD = "a-long-e2e-password";

/** A draft invited by an Opus operator, whose first admin has accepted and has an account. */
export async function invitedTenant(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, name = "Teste E2E"): Promise<Tenant> {
  const legalName = `${name} ${uniqueSuffix()} S.A.`;
  const operator = await signInRequest(playwright, baseURL, ACCOUNTS.opusOperator);
  const email = uniqueEmail("tenant-admin");
  try {
    const created = await trpcMutation<{ id: string; invitationLink: string }>(operator, baseURL, "institutions.create", {
      legalName,
      adminEmail: email,
    });
    const token = created.invitationLink.split("/invite/")[1] ?? "";
    const anonymous = await playwright.request.newContext({ baseURL });
    await trpcMutation(anonymous, baseURL, "members.acceptInvitation", { token, name: "Tânia Teste", password: PASSWORD });
    await anonymous.dispose();
    return { id: created.id, legalName, cnpj: uniqueCnpj(), organisationId: uniqueUuid(), admin: { email, password: PASSWORD } };
  } finally {
    await operator.dispose();
  }
}

/** Fills every wizard step through the API (self-managed: approval makes it active at once). */
async function fillWizard(admin: APIRequestContext, baseURL: string, tenant: Tenant) {
  const save = (step: string, data: unknown) =>
    trpcMutation(admin, baseURL, "institutions.saveStep", { institutionId: tenant.id, step, data });
  const plans = await trpcQuery<{ id: string; code: string }[]>(admin, "plans.find");
  await save("identity", {
    legalName: tenant.legalName,
    cnpj: tenant.cnpj,
    organisationId: tenant.organisationId,
    roles: ["DADOS", "CONTA"],
  });
  await save("profile", { brands: [{ name: "Marca Teste", authorisationServerId: uniqueUuid() }], apiFamilies: ["accounts", "consents"] });
  await save("contacts", {
    technical: { name: "Tânia Teste", email: tenant.admin.email },
    billing: { name: "Financeiro", email: tenant.admin.email },
  });
  await save("deployment", { mode: "SELF_MANAGED" });
  await save("environments", { kinds: ["HOMOLOGATION", "PRODUCTION"], planId: plans.find((p) => p.code === "growth")?.id ?? "" });
}

/** A self-managed institution whose onboarding was filled in and submitted: SUBMITTED. */
export async function submittedTenant(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, name?: string): Promise<Tenant> {
  const tenant = await invitedTenant(playwright, baseURL, name);
  const admin = await signInRequest(playwright, baseURL, tenant.admin);
  try {
    await fillWizard(admin, baseURL, tenant);
    await trpcMutation(admin, baseURL, "institutions.submit", { institutionId: tenant.id });
    return tenant;
  } finally {
    await admin.dispose();
  }
}

/** A self-managed institution that went through onboarding and approval: ACTIVE. */
export async function activeTenant(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, name?: string): Promise<Tenant> {
  const tenant = await submittedTenant(playwright, baseURL, name);
  const operator = await signInRequest(playwright, baseURL, ACCOUNTS.opusOperator);
  try {
    await trpcMutation(operator, baseURL, "institutions.review", { institutionId: tenant.id, decision: "approve" });
    return tenant;
  } finally {
    await operator.dispose();
  }
}
