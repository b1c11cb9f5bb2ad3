import * as OTPAuth from "otpauth";
import pg from "pg";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { expect, mainNav, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";

const who = ACCOUNTS.opusOperatorWithoutTotp;

// The seed enrols every staff member; this test needs one who has not enrolled yet.
test.beforeAll(async () => {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE "user" SET "twoFactorEnabled" = false WHERE email = $1`, [who.email]);
    await client.query(`DELETE FROM "twoFactor" WHERE "userId" = (SELECT id FROM "user" WHERE email = $1)`, [who.email]);
  } finally {
    await client.end();
  }
});

test("staff without TOTP are sent to enrolment, and get in once it is set up", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await expect(page).toHaveURL(/\/security\/two-factor$/);
  await expect(page.getByText("two-factor authentication is required before you can continue")).toBeVisible();
  // The fleet is refused until enrolment is done, even when asked for directly.
  await page.goto("/institutions");
  await expect(page).toHaveURL(/\/security\/two-factor$/);

  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  const uri = (await page.getByTestId("totp-uri").textContent()) ?? "";
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const secret = new URL(uri).searchParams.get("secret") ?? "";
  await expect(page.getByTestId("totp-secret")).toHaveText(secret.match(/.{1,4}/g)?.join(" ") ?? "");
  await screenshot(page, "two-factor-enrolment");

  await page.getByLabel("Authentication code").fill(OTPAuth.URI.parse(uri).generate());
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-factor authentication is on" })).toBeVisible();
  await page.getByRole("button", { name: "Continue to the console" }).click();
  await expect(page).toHaveURL(/\/institutions$/);
  await expect(mainNav(page).getByRole("link")).toHaveText(["Institutions"]);
  await expect(page.getByRole("table")).toBeVisible();
});
