import { ACCOUNTS, INSTITUTIONS } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";

test.describe("institutions (Opus staff)", () => {
  test.beforeEach(async ({ signIn }) => {
    await signIn(ACCOUNTS.opusOperator);
  });

  test("the list searches, filters, sorts and pages on the server", async ({ page }) => {
    await page.goto("/institutions");
    const rows = page.getByRole("table").locator("tbody tr");
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText(INSTITUTIONS.aurora);
    await expect(page.getByText("1–3 of 3")).toBeVisible();
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
    await expect(rows).toHaveCount(3);

    await page.getByLabel("Status").selectOption({ label: "Active" });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(INSTITUTIONS.aurora);
    await page.getByLabel("Status").selectOption({ label: "Any" });

    await page.getByLabel("Deployment").selectOption({ label: "Self-managed" });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(INSTITUTIONS.sertao);
    await page.getByLabel("Deployment").selectOption({ label: "Any" });

    await page.getByLabel("Regulatory role").selectOption({ label: "CCORR · Credit correspondent" });
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toContainText(INSTITUTIONS.horizonte);
    await page.getByRole("button", { name: "Clear filters" }).click();

    await page
      .getByRole("columnheader", { name: /Institution/ })
      .getByRole("button")
      .click();
    await expect(page.getByRole("columnheader", { name: /Institution/ })).toHaveAttribute("aria-sort", "descending");
    await expect(rows.first()).toContainText(INSTITUTIONS.sertao);

    await page.getByLabel("Rows per page").selectOption("10");
    await expect(page.getByText("Page 1 of 1")).toBeVisible();
    await expect(page.getByRole("button", { name: "Next" })).toBeDisabled();

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

test("Opus billing staff see an institution's overview but not its members or audit", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusBilling);
  await page.goto("/institutions");
  await page.getByRole("link", { name: INSTITUTIONS.aurora }).click();
  await expect(page.getByRole("heading", { level: 1, name: INSTITUTIONS.aurora })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Institution sections" }).getByRole("link")).toHaveText(["Overview"]);
});
