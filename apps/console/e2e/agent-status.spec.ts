// The environment page of a managed account whose credentials stay with its agent: the agent's
// version, its last contact (relative, with the time in Brasília and the zone said), and the
// silent-agent warning past the bound of @opus/rules/agent-contact (90 s).
import { ACCOUNTS } from "./support/accounts";
import { agentTenant } from "./support/agent-account";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { viewerOf } from "./support/provisioning";
import { screenshot } from "./support/screenshot";

const environmentPath = (institutionId: string, environmentId: string) => `/institutions/${institutionId}/environments/${environmentId}`;

test.describe("in Portuguese", () => {
  test.use({ locale: "pt-BR" });

  test("a member sees the agent in contact, with its version and last contact", async ({ page, signIn }) => {
    const tenant = await agentTenant({ version: "agent-3.4.1", seenSecondsAgo: 20 });
    await signIn(await viewerOf(tenant.id));
    await page.goto(environmentPath(tenant.id, tenant.environmentId));
    const card = page.getByRole("region", { name: "Agente de saída" });
    await expect(card).toContainText("Em contato");
    await expect(card).toContainText("agent-3.4.1");
    await expect(card.getByTestId("agent-last-contact")).toContainText(/há \d+ segundos/);
    await expect(card.getByTestId("agent-last-contact")).toContainText("horário de Brasília, America/Sao_Paulo");
    await expect(card).not.toContainText("O agente está silencioso");
    await expect(card).toContainText("Nada");
    await screenshot(page, "agent-status-pt-live");
    await expectAccessible(page, "agent-status-pt-live");
  });
});

test.describe("in English", () => {
  test.use({ locale: "en-US" });

  test("an agent not heard from for longer than the bound is flagged silent", async ({ page, signIn }) => {
    const tenant = await agentTenant({ version: "agent-3.4.0", seenSecondsAgo: 5 * 60 });
    await signIn(ACCOUNTS.opusOperator);
    await page.goto(environmentPath(tenant.id, tenant.environmentId));
    const card = page.getByRole("region", { name: "Outbound agent" });
    await expect(card).toContainText("Silent");
    await expect(card).toContainText("The agent has gone silent");
    await expect(card).toContainText("more than 90 seconds");
    await expect(card.getByTestId("agent-last-contact")).toContainText("5 minutes ago");
    await expect(card.getByTestId("agent-last-contact")).toContainText("Brasília time, America/Sao_Paulo");
    await screenshot(page, "agent-status-en-silent");
    await expectAccessible(page, "agent-status-en-silent");
  });

  test("an agent that never called is said so, without a silent warning", async ({ page, signIn }) => {
    const tenant = await agentTenant(null);
    await signIn(ACCOUNTS.opusOperator);
    await page.goto(environmentPath(tenant.id, tenant.environmentId));
    const card = page.getByRole("region", { name: "Outbound agent" });
    await expect(card).toContainText("Not heard from yet");
    await expect(card).not.toContainText("The agent has gone silent");
    await expect(card).toContainText("Never");
  });
});
