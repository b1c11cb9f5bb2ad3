import { ACCOUNTS } from "./support/accounts";
import { pageAs } from "./support/browser-as";
import { expect, test } from "./support/fixtures";
import { uniqueUuid } from "./support/identifiers";
import { screenshot } from "./support/screenshot";
import { invitedTenant, submittedTenant } from "./support/tenants";

test.use({ locale: "pt-BR" });

test("a customer admin completes the onboarding in Portuguese, and an Opus operator approves it", async ({
  page,
  signIn,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const tenant = await invitedTenant(playwright, baseURL ?? "");
  await signIn(tenant.admin);

  // The admin of a draft lands in the wizard.
  await page.goto("/");
  await expect(page).toHaveURL(new RegExp(`/institutions/${tenant.id}/onboarding`));
  const next = page.getByRole("button", { name: "Salvar e continuar" });
  const stepTitle = page.locator("#step-title");

  // 1. Identity, with a CNPJ typed wrong first.
  await expect(stepTitle).toHaveText("Identificação");
  await expect(page.getByLabel("Razão social")).toHaveValue(tenant.legalName);
  await page.getByLabel("Nome fantasia").fill("Teste");
  const cnpj = page.getByLabel("CNPJ", { exact: true });
  await cnpj.fill("11222333000180");
  await expect(cnpj).toHaveValue("11.222.333/0001-80");
  await page.getByLabel("OrganisationId (Diretório do Open Finance)").click();
  const cnpjError = page.getByText("Os dígitos verificadores deste CNPJ não conferem");
  await expect(cnpjError).toBeVisible();
  await expect(cnpj).toHaveAttribute("aria-invalid", "true");
  await screenshot(page, "onboarding-pt-1-identity-error");
  // Alphanumeric CNPJs are typed in lower case too; the field formats them.
  await cnpj.fill(tenant.cnpj.toLowerCase());
  await expect(cnpj).toHaveValue(tenant.cnpj);
  await expect(cnpjError).toHaveCount(0);
  await page.getByLabel("OrganisationId (Diretório do Open Finance)").fill(tenant.organisationId);
  await page.getByLabel("DADOS · Compartilhamento de dados").check();
  await page.getByLabel("PAGTO · Iniciação de pagamento").check();
  await screenshot(page, "onboarding-pt-1-identity");
  await next.click();

  // 2. Brands and API families.
  await expect(stepTitle).toHaveText("Marcas e APIs");
  await page.getByLabel("Nome da marca 1").fill("Teste");
  await page.getByLabel("AuthorisationServerId da marca 1").fill(uniqueUuid());
  const phase2 = page.getByRole("group", { name: "Fase 2 · Dados de clientes" });
  await phase2.getByLabel("Consentimentos", { exact: true }).check();
  await phase2.getByLabel("Contas", { exact: true }).check();
  await page.getByRole("group", { name: "Fase 3 · Pagamentos" }).getByLabel("Pagamentos (Pix)").check();
  await screenshot(page, "onboarding-pt-2-profile");
  await next.click();

  // 3. Contacts.
  await expect(stepTitle).toHaveText("Contatos");
  await page.getByLabel("Nome do contato técnico").fill("Tânia Teste");
  await page.getByLabel("E-mail do contato técnico").fill(tenant.admin.email);
  await page.getByLabel("Telefone do contato técnico").fill("+55 11 4000-0000");
  await page.getByLabel("Nome do contato de faturamento").fill("Financeiro");
  await page.getByLabel("E-mail do contato de faturamento").fill("financeiro@teste.example");
  await screenshot(page, "onboarding-pt-3-contacts");
  await next.click();

  // 4. Deployment: a managed sub-account, with the access Opus needs.
  await expect(stepTitle).toHaveText("Implantação");
  await page.getByRole("radio", { name: /Subconta gerenciada/ }).check();
  await page.getByLabel("Provedor de nuvem").selectOption({ label: "Amazon Web Services (AWS)" });
  await page.getByLabel("ID da conta AWS").fill("210987654321");
  await page.getByLabel("Região da nuvem").fill("sa-east-1");
  await page.getByLabel("Nome do cluster Kubernetes").fill("teste-eks");
  await page.getByLabel("Endpoint da API do cluster").fill("https://teste-eks.sa-east-1.eks.example");
  await page.getByLabel("Kubeconfig").fill("apiVersion: v1\nkind: Config\nclusters: []\n");
  await page.getByLabel("Domínio do gateway de APIs").fill("openfinance.teste.example");
  await page.getByLabel("Namespace do gateway de APIs").fill("kong");
  const database = page.getByRole("group", { name: "PostgreSQL (14 ou superior)" });
  await database.getByLabel("Host do banco").fill("pg.teste.internal");
  await database.getByLabel("Usuário administrador").fill("opus_admin");
  await database.getByLabel("Senha do administrador").fill("db-secret-123");
  await database.getByLabel("Rede (CIDR)").fill("10.40.0.0/24");
  const queue = page.getByRole("group", { name: "RabbitMQ" });
  await queue.getByLabel("Endereço da API de gerenciamento").fill("https://mq.teste.internal:15671");
  await queue.getByLabel("Usuário administrador").fill("opus");
  await queue.getByLabel("Senha do administrador").fill("mq-secret-123");
  await queue.getByLabel("Rede (CIDR)").fill("10.40.1.0/24");
  await queue.getByLabel("Host AMQP").fill("mq.teste.internal");
  await screenshot(page, "onboarding-pt-4-deployment");
  await next.click();

  // 5. Environments and plan.
  await expect(stepTitle).toHaveText("Ambientes e plano");
  await expect(page.getByLabel("Homologação (obrigatório)")).toBeChecked();
  await expect(page.getByLabel("Homologação (obrigatório)")).toBeDisabled();
  await page.getByLabel("Desenvolvimento (opcional)").check();
  await page.getByRole("radio", { name: /Growth/ }).check();
  await screenshot(page, "onboarding-pt-5-environments");
  await next.click();

  // Review, then submit.
  await expect(page.getByRole("heading", { name: "Revisar e enviar" })).toBeVisible();
  const identity = page.getByRole("region", { name: "Identificação" });
  await expect(identity).toContainText(tenant.cnpj);
  await expect(identity).toContainText("PAGTO · Iniciação de pagamento");
  await expect(page.getByRole("region", { name: "Marcas e APIs" })).toContainText("Pagamentos (Pix)");
  await expect(page.getByRole("region", { name: "Implantação" })).toContainText("Guardado, criptografado (nunca exibido)");
  await expect(page.getByRole("region", { name: "Implantação" })).not.toContainText("db-secret-123");
  await expect(page.getByRole("region", { name: "Ambientes e plano" })).toContainText("Desenvolvimento, Homologação, Produção");
  await expect(page.getByRole("navigation", { name: "Etapas do cadastro" })).toContainText("5 de 5 etapas concluídas");
  await screenshot(page, "onboarding-pt-6-review");
  await page.getByRole("button", { name: "Enviar para a Opus" }).click();

  await expect(page).toHaveURL(new RegExp(`/institutions/${tenant.id}$`));
  await expect(page.getByTestId("status-panel")).toContainText("A Opus está analisando seu pedido");
  await expect(page.getByTestId("institution-status")).toHaveText("Enviada");
  await screenshot(page, "onboarding-pt-submitted");

  // An Opus operator (in English) reviews and approves it.
  const { page: operator, close } = await pageAs(browser, playwright, baseURL ?? "", ACCOUNTS.opusOperator);
  await operator.goto(`/institutions/${tenant.id}`);
  const actions = operator.getByRole("region", { name: "Opus actions" });
  await expect(actions.getByRole("heading", { name: "Onboarding review" })).toBeVisible();
  await screenshot(operator, "institution-review");
  await actions.getByRole("button", { name: "Approve" }).click();
  const dialog = operator.getByRole("dialog", { name: `Approve the onboarding of ${tenant.legalName}?` });
  await expect(dialog).toContainText("prepared in the institution's cloud account");
  await dialog.getByRole("button", { name: "Approve" }).click();
  // The worker starts preparing the environments at once; it may already have finished.
  await expect(operator.getByTestId("institution-status")).toHaveText(/^(Provisioning|Active)$/);
  await expect(actions.getByRole("heading", { name: "Onboarding review" })).toHaveCount(0);
  await close();

  // The customer now reads that the environments are being prepared (or ready).
  await page.reload();
  await expect(page.getByTestId("status-panel")).toContainText(/Seus ambientes estão sendo preparados|A plataforma está funcionando/);
});

test("an operator rejects a request with a reason; the admin reads it, corrects and resubmits", async ({
  page,
  signIn,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const tenant = await submittedTenant(playwright, baseURL ?? "");
  const reason = "O OrganisationId não foi encontrado no Diretório.";

  const { page: operator, close } = await pageAs(browser, playwright, baseURL ?? "", ACCOUNTS.opusOperator);
  await operator.goto(`/institutions/${tenant.id}`);
  await operator.getByRole("region", { name: "Opus actions" }).getByRole("button", { name: "Reject" }).click();
  const dialog = operator.getByRole("dialog", { name: `Reject the onboarding of ${tenant.legalName}?` });
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(dialog.getByText("Write a reason: the people affected read it.")).toBeVisible();
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Reject" }).click();
  await expect(operator.getByTestId("institution-status")).toHaveText("Rejected");
  await close();

  await signIn(tenant.admin);
  await page.goto(`/institutions/${tenant.id}`);
  const panel = page.getByTestId("status-panel");
  await expect(panel).toContainText("A Opus pediu correções");
  await expect(panel).toContainText(reason);
  await screenshot(page, "status-rejected-pt");
  await panel.getByRole("link", { name: "Corrigir e reenviar" }).click();
  // Every step was saved before: the wizard opens on the review, with Opus' reason on top.
  await expect(page.getByRole("heading", { name: "Revisar e enviar" })).toBeVisible();
  await expect(page.getByText(reason)).toBeVisible();
  await page.getByRole("region", { name: "Identificação" }).getByRole("link", { name: "Editar Identificação" }).click();
  await page.getByLabel("OrganisationId (Diretório do Open Finance)").fill(uniqueUuid());
  await page.getByRole("button", { name: "Salvar e continuar" }).click();
  await expect(page.locator("#step-title")).toHaveText("Marcas e APIs");
  await page
    .getByRole("navigation", { name: "Etapas do cadastro" })
    .getByRole("link", { name: /Revisão/ })
    .click();
  await page.getByRole("button", { name: "Enviar para a Opus" }).click();
  await expect(page.getByTestId("status-panel")).toContainText("A Opus está analisando seu pedido");
});

test("submitting an incomplete onboarding lists the missing steps, each a link to its step", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  const tenant = await invitedTenant(playwright, baseURL ?? "");
  await signIn(tenant.admin);
  await page.goto(`/institutions/${tenant.id}/onboarding?step=review`);
  await expect(page.getByRole("region", { name: "Contatos" })).toContainText("Ainda não preenchido.");
  await page.getByRole("button", { name: "Enviar para a Opus" }).click();
  const missing = page.getByRole("alert").filter({ hasText: "Conclua estas etapas antes de enviar:" });
  await expect(missing.getByRole("link")).toHaveText(["Identificação", "Marcas e APIs", "Contatos", "Implantação", "Ambientes e plano"]);
  await screenshot(page, "onboarding-pt-incomplete");
  await missing.getByRole("link", { name: "Contatos" }).click();
  await expect(page.locator("#step-title")).toHaveText("Contatos");
  await expect(page.getByTestId("institution-status")).toHaveText("Rascunho");
});
