// The wizard's choice, for a managed sub-account, between credentials stored by Opus and the
// outbound agent in the customer's cluster: with the agent no credentials are asked, the page says
// how to install it, and the agent key is issued once the choice is saved, shown once.
import type { Page } from "@playwright/test";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { uniqueUuid } from "./support/identifiers";
import { screenshot } from "./support/screenshot";
import { invitedTenant, type Tenant } from "./support/tenants";
import { trpcMutation } from "./support/trpc";

/** Steps 1–3 through the API: this spec is about the deployment step. */
async function fillFirstSteps(page: Page, baseURL: string, tenant: Tenant) {
  const request = page.context().request;
  const save = (step: string, data: unknown) =>
    trpcMutation(request, baseURL, "institutions.saveStep", { institutionId: tenant.id, step, data });
  await save("identity", { legalName: tenant.legalName, cnpj: tenant.cnpj, organisationId: tenant.organisationId, roles: ["DADOS"] });
  await save("profile", { brands: [{ name: "Marca", authorisationServerId: uniqueUuid() }], apiFamilies: ["accounts", "consents"] });
  await save("contacts", {
    technical: { name: "Tânia Teste", email: tenant.admin.email },
    billing: { name: "Financeiro", email: tenant.admin.email },
  });
}

test.describe("in Portuguese", () => {
  test.use({ locale: "pt-BR" });

  test("choosing the agent asks for no credentials, explains the install and issues its key once", async ({
    page,
    signIn,
    playwright,
    baseURL,
  }) => {
    test.setTimeout(90_000);
    const tenant = await invitedTenant(playwright, baseURL ?? "", "Agente E2E");
    await signIn(tenant.admin);
    await fillFirstSteps(page, baseURL ?? "", tenant);
    await page.goto(`/institutions/${tenant.id}/onboarding?step=deployment`);
    await expect(page.locator("#step-title")).toHaveText("Implantação");
    await page.getByRole("radio", { name: /Subconta gerenciada/ }).check();

    // Stored credentials is the default, and asks for the kubeconfig.
    await expect(page.getByRole("radio", { name: /Credenciais guardadas pela Opus/ })).toBeChecked();
    await expect(page.getByRole("textbox", { name: "Kubeconfig" })).toBeVisible();

    await page.getByRole("radio", { name: /Agente de saída no seu cluster/ }).check();
    await expect(page.getByRole("textbox", { name: "Kubeconfig" })).toHaveCount(0);
    await expect(page.getByRole("group", { name: "PostgreSQL (14 ou superior)" })).toHaveCount(0);
    const guide = page.getByRole("region", { name: "Instalação do agente" });
    await expect(guide).toContainText("a Opus não pede credenciais");
    await expect(guide).toContainText("deploy/charts/opus-agent");
    await expect(guide.getByTestId("agent-institution-id")).toHaveText(tenant.id);
    // No key before the choice is saved: the API issues agent keys only to an agent account.
    await expect(guide.getByRole("button", { name: "Emitir chave de agente" })).toHaveCount(0);
    await expect(guide).toContainText("Salve esta etapa para emitir a chave do agente");

    await page.getByLabel("Provedor de nuvem").selectOption({ label: "Amazon Web Services (AWS)" });
    await page.getByLabel("ID da conta AWS").fill("210987654321");
    await page.getByLabel("Região da nuvem").fill("sa-east-1");
    await page.getByLabel("Nome do cluster Kubernetes").fill("agente-eks");
    await page.getByLabel("Endpoint da API do cluster").fill("https://agente-eks.sa-east-1.eks.example");
    await screenshot(page, "agent-wizard-pt-deployment");
    await page.getByRole("button", { name: "Salvar e continuar" }).click();
    await expect(page.locator("#step-title")).toHaveText("Ambientes e plano");

    // Back on the step, the saved choice is the agent and its key can be issued: shown once, with copy.
    await page.goto(`/institutions/${tenant.id}/onboarding?step=deployment`);
    await expect(page.getByRole("radio", { name: /Agente de saída no seu cluster/ })).toBeChecked();
    await expect(page.getByRole("textbox", { name: "Kubeconfig" })).toHaveCount(0);
    await page.getByRole("button", { name: "Emitir chave de agente" }).click();
    const key = page.getByTestId("new-agent-key");
    await expect(key).toHaveText(/^opus_/);
    await expect(page.getByRole("status").filter({ has: key })).toContainText("ela não será exibida novamente");
    await expect(page.getByRole("button", { name: "Copiar" }).last()).toBeVisible();
    await screenshot(page, "agent-wizard-pt-key");
    await expectAccessible(page, "agent-wizard-pt-key");

    // The key is an agent key of the institution; after a reload it is gone from the page.
    await page.goto(`/institutions/${tenant.id}/api-keys`);
    await expect(page.getByRole("table")).toContainText("Agente");
    await page.goto(`/institutions/${tenant.id}/onboarding?step=deployment`);
    await expect(page.getByRole("button", { name: "Emitir chave de agente" })).toBeVisible();
    await expect(page.getByTestId("new-agent-key")).toHaveCount(0);
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("both choices are explained, and the review says the agent keeps the credentials", async ({ page, signIn, playwright, baseURL }) => {
    test.setTimeout(60_000);
    const tenant = await invitedTenant(playwright, baseURL ?? "", "Agent EN E2E");
    await signIn(tenant.admin);
    await fillFirstSteps(page, baseURL ?? "", tenant);
    await trpcMutation(page.context().request, baseURL ?? "", "institutions.saveStep", {
      institutionId: tenant.id,
      step: "deployment",
      data: {
        mode: "MANAGED",
        cloudProvider: "AWS",
        accountRef: "210987654321",
        region: "sa-east-1",
        clusterName: "agent-eks",
        clusterEndpoint: "https://agent-eks.example",
        credentialsSource: "AGENT",
      },
    });
    await page.goto(`/institutions/${tenant.id}/onboarding?step=deployment`);
    const choice = page.getByRole("group", { name: "Who holds the cluster and server credentials?" });
    await expect(choice).toContainText("the keys leave your account");
    await expect(choice).toContainText("nothing connects into your network and Opus never holds your cluster access or passwords");
    await expect(page.getByRole("radio", { name: /Outbound agent in your cluster/ })).toBeChecked();
    await expectAccessible(page, "agent-wizard-en-deployment");
    await screenshot(page, "agent-wizard-en-deployment");

    await page.goto(`/institutions/${tenant.id}/onboarding?step=review`);
    const deployment = page.getByRole("region", { name: "Deployment" });
    await expect(deployment).toContainText("Kept in your cluster by the agent (never sent to Opus)");
    await expect(deployment.getByRole("button", { name: "Issue agent key" })).toBeVisible();
  });
});
