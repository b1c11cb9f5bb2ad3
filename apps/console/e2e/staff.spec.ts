import { ACCOUNTS, INSTITUTIONS, uniqueEmail } from "./support/accounts";
import { agentTenant } from "./support/agent-account";
import { expectAccessible } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/identifiers";
import { screenshot } from "./support/screenshot";

test("the dashboard is the staff landing page and counts the fleet", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusOperator);
  await page.goto("/");
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  const count = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

  // The demo data alone gives at least these; other tests only add to them.
  const byStatus = page.getByTestId("counts-by-status");
  expect(count(await byStatus.getByRole("link", { name: /Active/ }).textContent())).toBeGreaterThanOrEqual(1);
  expect(count(await byStatus.getByRole("link", { name: /Submitted/ }).textContent())).toBeGreaterThanOrEqual(1);
  expect(count(await byStatus.getByRole("link", { name: /Draft/ }).textContent())).toBeGreaterThanOrEqual(1);
  const byMode = page.getByTestId("counts-by-mode");
  for (const mode of ["SaaS", "Managed sub-account", "Self-managed"]) {
    expect(count(await byMode.getByRole("link", { name: new RegExp(`^${mode}`) }).textContent())).toBeGreaterThanOrEqual(1);
  }
  const total = page.getByRole("link", { name: /^Institutions\s*\d+/ });
  expect(count(await total.textContent())).toBeGreaterThanOrEqual(3);
  await screenshot(page, "dashboard");

  await page.getByRole("link", { name: /^Awaiting review/ }).click();
  await expect(page).toHaveURL(/\/institutions\?status=SUBMITTED$/);
  await expect(page.getByLabel("Status")).toHaveValue("SUBMITTED");
  await expect(page.getByRole("table")).toContainText(INSTITUTIONS.horizonte);
});

test("the dashboard flags silent agents fleet-wide and links to their environments", async ({ page, signIn }) => {
  // One agent past the 90 s bound of @opus/rules/agent-contact, one in contact, one never heard from.
  const silent = await agentTenant({ version: "agent-3.4.0", seenSecondsAgo: 10 * 60 });
  const live = await agentTenant({ version: "agent-3.4.1", seenSecondsAgo: 10 });
  const never = await agentTenant(null);
  await signIn(ACCOUNTS.opusOperator);
  await page.goto("/dashboard");
  const card = page.getByRole("region", { name: "Silent agents" });
  await expect(card).toContainText("more than 90 seconds");
  expect(Number((await card.getByTestId("silent-agents-count").textContent())?.replace(/\D/g, ""))).toBeGreaterThanOrEqual(1);
  const row = card.getByRole("row").filter({ hasText: silent.legalName });
  await expect(row).toContainText("10 minutes ago");
  await expect(row).toContainText("Brasília time, America/Sao_Paulo");
  await expect(row).toContainText("agent-3.4.0");
  await expect(card).not.toContainText(live.legalName);
  await expect(card).not.toContainText(never.legalName);
  await screenshot(page, "dashboard-silent-agents");
  await expectAccessible(page, "dashboard-silent-agents");

  await row.getByRole("link", { name: "Homologation" }).click();
  await expect(page).toHaveURL(new RegExp(`/institutions/${silent.id}/environments/${silent.environmentId}$`));
  await expect(page.getByRole("region", { name: "Outbound agent" })).toContainText("The agent has gone silent");
});

test("an operator invites an institution from the list and gets its invitation link", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusOperator);
  await page.goto("/institutions");
  await page.getByRole("button", { name: "Invite institution" }).click();
  const form = page.getByRole("region", { name: "Invite an institution" });
  await form.getByRole("button", { name: "Create and invite" }).click();
  await expect(form.getByText("This is required.")).toBeVisible();
  const name = `Teste Convite ${uniqueSuffix()} S.A.`;
  const email = uniqueEmail("invited-admin");
  await form.getByLabel("Legal name").fill(name);
  await form.getByLabel("First admin's e-mail").fill(email);
  await form.getByRole("button", { name: "Create and invite" }).click();
  await expect(page.getByText(`${name} was created as a draft and ${email} was invited as its admin.`)).toBeVisible();
  await expect(page.getByTestId("institution-invitation-link")).toHaveValue(/\/invite\/[\w-]+$/);
  await screenshot(page, "institutions-invite");
  await page.getByRole("link", { name: "Open the institution" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByTestId("institution-status")).toHaveText("Draft");
});

test("the tabs of an institution, as an Opus operator", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusOperator);
  await page.goto("/institutions");
  await page.getByRole("link", { name: INSTITUTIONS.aurora }).click();
  const tabs = page.getByRole("navigation", { name: "Institution sections" });
  await expect(page.getByRole("region", { name: "Opus actions" })).toBeVisible();
  await screenshot(page, "institution-tab-overview");

  await tabs.getByRole("link", { name: "Environments" }).click();
  const environments = page.getByRole("region", { name: "Environments" }).locator("tbody tr");
  await expect(environments).toHaveCount(2);
  await expect(environments.first()).toContainText("3.4.0");
  await expect(environments.first()).toContainText("saas-sa-east-1");
  await screenshot(page, "institution-tab-environments");

  await tabs.getByRole("link", { name: "Certificates" }).click();
  await expect(page.getByRole("heading", { name: "Certificates", level: 2 })).toBeVisible();
  await expect(page.getByRole("region", { name: "Upload a certificate" })).toBeVisible();
  await screenshot(page, "institution-tab-certificates");

  await tabs.getByRole("link", { name: "Members" }).click();
  await expect(page.getByRole("region", { name: "Members" })).toContainText("Ana Souza");
  await screenshot(page, "institution-tab-members");

  await tabs.getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("table", { name: "Audit trail" })).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await screenshot(page, "institution-tab-audit");
});

test("an Opus admin creates, renames and retires a plan", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusAdmin);
  await page.goto("/plans");
  const code = `e2e-${uniqueSuffix().toLowerCase()}`;
  const form = page.getByRole("region", { name: "New plan" });
  await form.getByLabel("Code").fill("Not Valid");
  await form.getByRole("button", { name: "Create plan" }).click();
  await expect(form.getByText("Use 2 to 40 lower-case letters, digits and '-'.")).toBeVisible();
  await form.getByLabel("Code").fill(code);
  await form.getByLabel("Name").fill(`Plano ${code}`);
  await form.getByLabel("Size").selectOption({ label: "Large" });
  await form.getByRole("button", { name: "Create plan" }).click();
  const row = page.getByRole("row").filter({ hasText: code });
  await expect(row).toContainText("Offered");
  await expect(row).toContainText("Large");

  await row.getByRole("button", { name: `Edit Plano ${code}` }).click();
  const edit = page.getByRole("region", { name: `Edit Plano ${code}` });
  await edit.getByLabel("Name").fill(`Renamed ${code}`);
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(row).toContainText(`Renamed ${code}`);

  await row.getByRole("button", { name: `Retire Renamed ${code}` }).click();
  await page
    .getByRole("dialog", { name: `Retire Renamed ${code}?` })
    .getByRole("button", { name: "Retire" })
    .click();
  await expect(row).toContainText("Retired");
  await screenshot(page, "plans");
});
