import type { DemoAccount } from "@opus/db/demo-accounts";
import type { Page } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD, INSTITUTIONS, totpCode } from "./support/accounts";
import { expect, mainNav, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";

async function fillCredentials(page: Page, who: DemoAccount, password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(password);
}

async function submitTotp(page: Page, who: DemoAccount) {
  await expect(page.getByRole("heading", { name: "Two-factor authentication" })).toBeVisible();
  await page.getByLabel("Authentication code").fill(totpCode(who));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
}

test.describe("signing in with the form", () => {
  test("an Opus admin passes the TOTP step and lands on the dashboard with every staff page", async ({ page }) => {
    await fillCredentials(page, ACCOUNTS.opusAdmin);
    await screenshot(page, "sign-in");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByLabel("Authentication code")).toBeFocused();
    await screenshot(page, "totp-step");
    await submitTotp(page, ACCOUNTS.opusAdmin);
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(mainNav(page).getByRole("link")).toHaveText([
      "Dashboard",
      "Institutions",
      "Health",
      "Notifications",
      "Approvals",
      "Sign-ups",
      "Billing",
      "Plans",
      "Releases",
      "Rollouts",
      "Version matrix",
      "Audit",
    ]);
    await expect(page.getByTestId("current-person")).toContainText("Ada Admin");
    await expect(page.getByTestId("current-person")).toContainText("Opus admin");
  });

  for (const [who, role, links] of [
    [
      ACCOUNTS.opusOperator,
      "Opus operator",
      ["Dashboard", "Institutions", "Health", "Notifications", "Approvals", "Sign-ups", "Releases", "Rollouts", "Version matrix"],
    ],
    [
      ACCOUNTS.opusBilling,
      "Opus billing",
      ["Dashboard", "Institutions", "Health", "Notifications", "Billing", "Releases", "Rollouts", "Version matrix"],
    ],
  ] as const) {
    test(`${role} passes the TOTP step and sees the pages of that role`, async ({ page }) => {
      await fillCredentials(page, who);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await submitTotp(page, who);
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(mainNav(page).getByRole("link")).toHaveText(links);
      await expect(page.getByTestId("current-person")).toContainText(role);
    });
  }

  test("an institution admin lands on their institution with every section", async ({ page }) => {
    await fillCredentials(page, ACCOUNTS.auroraAdmin);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/institutions\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1, name: INSTITUTIONS.aurora })).toBeVisible();
    const group = mainNav(page).getByRole("list", { name: INSTITUTIONS.aurora });
    await expect(group.getByRole("link")).toHaveText([
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
    await expect(page.getByTestId("current-person")).toContainText(`Admin · ${INSTITUTIONS.aurora}`);
  });

  test("a viewer lands on their institution without the audit trail", async ({ page }) => {
    await fillCredentials(page, ACCOUNTS.auroraViewer);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: INSTITUTIONS.aurora })).toBeVisible();
    const sections = ["Overview", "Environments", "Certificates", "Usage", "Health", "Notifications", "Go-live", "Members"];
    await expect(mainNav(page).getByRole("link")).toHaveText(sections);
    await expect(page.getByRole("navigation", { name: "Institution sections" }).getByRole("link")).toHaveText(sections);
  });

  test("a wrong password is refused with a clear message", async ({ page }) => {
    await fillCredentials(page, ACCOUNTS.auroraAdmin, "not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "The e-mail or password is incorrect." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a wrong TOTP code is refused and the person can try again", async ({ page }) => {
    await fillCredentials(page, ACCOUNTS.opusOperator);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByLabel("Authentication code").fill(totpCode(ACCOUNTS.opusOperator) === "000000" ? "111111" : "000000");
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "That code is not valid" })).toBeVisible();
    await page.getByLabel("Authentication code").fill(totpCode(ACCOUNTS.opusOperator));
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page).toHaveURL(/\/dashboard$/);
  });

  test("signed-out visitors are sent to sign-in and brought back afterwards", async ({ page }) => {
    await page.goto("/institutions?status=ACTIVE");
    await expect(page).toHaveURL(/\/sign-in\?next=/);
    await page.getByLabel("E-mail").fill(ACCOUNTS.opusOperator.email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await submitTotp(page, ACCOUNTS.opusOperator);
    await expect(page).toHaveURL(/\/institutions\?status=ACTIVE$/);
    await expect(page.getByLabel("Status")).toHaveValue("ACTIVE");
  });

  test("signing out ends the session", async ({ page, signIn }) => {
    await signIn(ACCOUNTS.auroraAdmin);
    await page.goto("/");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
  });
});
