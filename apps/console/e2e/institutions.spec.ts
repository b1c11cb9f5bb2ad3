import { ACCOUNTS, INSTITUTIONS } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";

test.describe("institutions (Opus staff)", () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn(ACCOUNTS.opusOperator);
  });

  test("the list searches, filters, sorts and pages on the server", async ({ page }) => {
    // Other tests add institutions while this one runs: assert on the demo institutions, not on totals.
    await page.goto("/institutions");
    const table = page.getByRole("table");
    const rows = table.locator("tbody tr");
    for (const name of Object.values(INSTITUTIONS)) await expect(table).toContainText(name);
    // Sorted by name, ascending: other tests' institutions may sort anywhere, so compare the demo ones.
    await expect(async () => {
      const names = await rows.locator("td:first-child a").allTextContents();
      const order = [INSTITUTIONS.aurora, INSTITUTIONS.horizonte, INSTITUTIONS.sertao].map((n) => names.indexOf(n));
      expect(order[0]).toBeGreaterThanOrEqual(0);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }).toPass();
    await expect(page.getByText(/^1–\d+ of \d+$/)).toBeVisible();
    await screenshot(page, "institutions-list");

    await page.getByLabel("Search").fill("horizonte");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(INSTITUTIONS.horizonte);
    await expect(rows.first()).toContainText("12.ABC.345/01DE-35");
    await expect(page).toHaveURL(/q=horizonte/);

    // CNPJ search with punctuation, as people copy it from documents.
    await page.getByLabel("Search").fill("11.222.333");
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(INSTITUTIONS.aurora);

    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(table).toContainText(INSTITUTIONS.sertao);

    // Every row a filter leaves shows what was filtered on.
    const onlyRowsWith = async (text: string, expected: string) => {
      await expect(table).toContainText(expected);
      await expect(rows.filter({ hasNotText: text })).toHaveCount(0);
    };
    await page.getByLabel("Status").selectOption({ label: "Active" });
    await onlyRowsWith("Active", INSTITUTIONS.aurora);
    await expect(table).not.toContainText(INSTITUTIONS.horizonte);
    await page.getByLabel("Status").selectOption({ label: "Any" });

    await page.getByLabel("Deployment").selectOption({ label: "Self-managed" });
    await onlyRowsWith("Self-managed", INSTITUTIONS.sertao);
    await page.getByLabel("Deployment").selectOption({ label: "Any" });

    await page.getByLabel("Regulatory role").selectOption({ label: "CCORR · Credit correspondent" });
    await onlyRowsWith("CCORR", INSTITUTIONS.horizonte);
    await page.getByRole("button", { name: "Clear filters" }).click();

    await page.getByLabel("Plan").selectOption({ label: "Starter" });
    await onlyRowsWith("Starter", INSTITUTIONS.horizonte);
    await expect(page).toHaveURL(/plan=/);
    await page.getByRole("button", { name: "Clear filters" }).click();

    await page
      .getByRole("columnheader", { name: /Institution/ })
      .getByRole("button")
      .click();
    await expect(page.getByRole("columnheader", { name: /Institution/ })).toHaveAttribute("aria-sort", "descending");
    await expect(async () => {
      const names = await rows.locator("td:first-child a").allTextContents();
      expect(names.indexOf(INSTITUTIONS.sertao)).toBeGreaterThanOrEqual(0);
      expect(names.indexOf(INSTITUTIONS.sertao)).toBeLessThan(names.indexOf(INSTITUTIONS.aurora));
    }).toPass();

    await page.getByLabel("Rows per page").selectOption("10");
    await expect(page.getByText(/^Page 1 of \d+$/)).toBeVisible();

    await page.getByLabel("Search").fill("no such institution");
    await expect(page.getByText("No institutions match")).toBeVisible();
  });

  test("a row opens the institution's overview", async ({ page }) => {
    await page.goto("/institutions");
    await page.getByRole("link", { name: INSTITUTIONS.horizonte }).click();
    await expect(page.getByRole("heading", { level: 1, name: INSTITUTIONS.horizonte })).toBeVisible();
    const identity = page.getByRole("region", { name: "Identity" });
    await expect(identity).toContainText("12.ABC.345/01DE-35");
    await expect(page.getByTestId("deployment-explanation")).toContainText(
      "Opus installs and operates the platform inside the institution's own cloud account",
    );
    const environments = page.getByRole("region", { name: "Environments" }).locator("tbody tr");
    await expect(environments).toHaveCount(2);
    await expect(environments.first()).toContainText("Homologation");
    await expect(environments.first()).toContainText("Pending");
    await expect(page.getByRole("navigation", { name: "Institution sections" }).getByRole("link")).toHaveText([
      "Overview",
      "Environments",
      "Certificates",
      "Usage",
      "Health",
      "Notifications",
      "Go-live",
      "API keys",
      "Members",
      "Audit",
    ]);

    await page.getByRole("link", { name: "Institutions" }).first().click();
    await page.getByRole("link", { name: INSTITUTIONS.aurora }).click();
    await expect(page.getByRole("region", { name: "Identity" })).toContainText("11.222.333/0001-81");
    await expect(page.getByRole("region", { name: "Environments" })).toContainText("Active");
    await screenshot(page, "institution-overview");
  });
});

test("Opus billing staff see an institution's overview, environments and certificates, not its members or audit", async ({
  page,
  signIn,
}) => {
  await signIn(ACCOUNTS.opusBilling);
  await page.goto("/institutions");
  await page.getByRole("link", { name: INSTITUTIONS.aurora }).click();
  await expect(page.getByRole("heading", { level: 1, name: INSTITUTIONS.aurora })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Institution sections" }).getByRole("link")).toHaveText([
    "Overview",
    "Environments",
    "Certificates",
    "Usage",
    "Health",
    "Notifications",
    "Go-live",
    "API keys",
  ]);
  // Billing reads; it has no Opus actions to take.
  await expect(page.getByRole("region", { name: "Opus actions" })).toHaveCount(0);
});
