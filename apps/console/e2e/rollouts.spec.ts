import { randomUUID } from "node:crypto";
import pg from "pg";
import { ACCOUNTS } from "./support/accounts";
import { pageAs } from "./support/browser-as";
import { expect, test } from "./support/fixtures";
import { saasTenant } from "./support/provisioning";
import { screenshot } from "./support/screenshot";

/** An active SaaS tenant with an active homologation and production environment (written straight to the database). */
async function tenantWithTwoEnvironments() {
  const tenant = await saasTenant({ status: "ACTIVE", environmentStatus: "ACTIVE" });
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO environment (id, "institutionId", kind, status, "stackName", "releaseVersion", "updatedAt")
       VALUES ($1, $2, 'PRODUCTION', 'ACTIVE', $3, '3.4.0', now() AT TIME ZONE 'UTC')`,
      [randomUUID(), tenant.id, `${tenant.slug}-production`],
    );
  } finally {
    await client.end();
  }
  return tenant;
}

test("an admin publishes a release, reviews the rollout plan, starts it; a second admin approves the production wave; progress shows live", async ({
  page,
  signIn,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const tenant = await tenantWithTwoEnvironments();

  const version = `9.${Date.now() % 100_000}.0`;
  await signIn(ACCOUNTS.opusAdmin);
  await page.goto("/releases");
  await page.getByLabel("Version (semver)").fill(version);
  await page.getByLabel("Release notes").fill("# Consent v2\n\n- faster consent pages\n- <script>alert(1)</script> is not run");
  await page.getByRole("button", { name: "Save as draft" }).click();
  const card = page.getByTestId(`release-${version}`);
  await expect(card).toContainText("Draft");
  await card.getByRole("button", { name: "Publish" }).click();
  await expect(card).toContainText("Available");
  await expect(card.getByRole("heading", { name: "Consent v2" })).toBeVisible();
  await expect(card.locator("script")).toHaveCount(0);
  await screenshot(page, "releases");

  await page.goto("/rollouts");
  await page.getByLabel("Name", { exact: true }).fill(`E2E rollout ${version}`);
  await page.getByLabel("Release", { exact: true }).selectOption({ label: version });
  // Structured waves: the default rings, narrowed to this tenant, edited field by field.
  await page.getByLabel("Only these tenants (slugs)").fill(tenant.slug);
  const lower = page.getByTestId("wave-form-0");
  await expect(lower.getByLabel("Wave name")).toHaveValue("Development and homologation");
  await expect(lower.getByLabel("Percentage at once")).toHaveValue("25");
  await lower.getByLabel("Soak (minutes)").fill("0");
  const production = page.getByTestId("wave-form-1");
  await production.getByLabel("Environments at once").fill("1");
  // The health gate would wait for metrics this test does not send; the gate has its own API tests.
  await production.getByRole("checkbox", { name: /^Health gate/ }).uncheck();
  await expect(production.getByRole("checkbox", { name: /^Roll back on a breach/ })).toBeDisabled();
  // A wave added by mistake, then removed; a bad number is named before anything is sent.
  await page.getByRole("button", { name: "Add a wave" }).click();
  const extra = page.getByTestId("wave-form-2");
  await extra.getByLabel("Wave name").fill("Extra");
  await extra.getByLabel("Soak (minutes)").fill("ten");
  await page.getByRole("button", { name: "Compute the plan" }).click();
  await expect(extra.getByText("A whole number.")).toBeVisible();
  await screenshot(page, "rollout-form");
  await extra.getByRole("button", { name: "Remove wave" }).click();
  await expect(page.getByTestId("wave-form-2")).toHaveCount(0);
  await page.getByRole("button", { name: "Compute the plan" }).click();
  await expect(page.getByRole("heading", { name: `E2E rollout ${version}` })).toBeVisible();
  await expect(page.getByTestId("plan-hash")).toContainText(/Plan SHA-256: [0-9a-f]{64}/);
  await expect(page.getByTestId("wave-1")).toContainText("Production: four eyes");
  await screenshot(page, "rollout-plan");
  const rolloutUrl = page.url();

  await page.getByRole("button", { name: "Approve the plan and start" }).click();
  await expect(page.getByTestId("wave-0-progress")).toContainText("Upgraded: 1", { timeout: 120_000 });
  await expect(page.getByTestId("wave-1")).toContainText("Awaiting approval", { timeout: 60_000 });
  // The starter cannot approve a production wave: four eyes.
  await expect(page.getByTestId("wave-1-waiting-for-other")).toBeVisible();
  await expect(page.getByTestId("wave-1").getByRole("button", { name: "Approve this wave" })).toHaveCount(0);
  await screenshot(page, "rollout-awaiting-approval");

  const alan = await pageAs(browser, playwright, baseURL ?? "", ACCOUNTS.opusAdmin2);
  await alan.page.goto(rolloutUrl);
  await alan.page.getByTestId("wave-1").getByRole("button", { name: "Approve this wave" }).click();
  await expect(alan.page.getByTestId("wave-1")).toContainText("Approved");
  await alan.close();

  // The first admin's page follows on its own.
  await expect(page.getByTestId("wave-1-progress")).toContainText("Upgraded: 1", { timeout: 120_000 });
  await expect(page.getByRole("heading", { name: `E2E rollout ${version}` })).toBeVisible();
  await expect(page.getByText(/Succeeded · 2 of 2 upgraded/)).toBeVisible({ timeout: 60_000 });
  await screenshot(page, "rollout-progress");

  await page.goto("/versions");
  await expect(page.getByRole("row").filter({ hasText: version })).toBeVisible();
  await screenshot(page, "version-matrix");
});
