import * as OTPAuth from "otpauth";
import { expect, mainNav, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";
import { staffWithoutTotp } from "./support/staff";

const PASSWORD = "a-long-staff-password";

test("staff without TOTP are sent to enrolment, and get in once it is set up", async ({ page }) => {
  // A new operator of its own: the demo staff keep their TOTP for the other tests.
  const who = await staffWithoutTotp(PASSWORD);
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await expect(page).toHaveURL(/\/security\/two-factor$/);
  await expect(page.getByText("two-factor authentication is required before you can continue")).toBeVisible();
  // The fleet is refused until enrolment is done, even when asked for directly.
  await page.goto("/institutions");
  await expect(page).toHaveURL(/\/security\/two-factor$/);

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  const uri = (await page.getByTestId("totp-uri").textContent()) ?? "";
  expect(uri).toMatch(/^otpauth:\/\/totp\//);
  const secret = new URL(uri).searchParams.get("secret") ?? "";
  await expect(page.getByTestId("totp-secret")).toHaveText(secret.match(/.{1,4}/g)?.join(" ") ?? "");
  await screenshot(page, "two-factor-enrolment");

  await page.getByLabel("Authentication code").fill(OTPAuth.URI.parse(uri).generate());
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Two-factor authentication is on" })).toBeVisible();
  // The backup codes are shown once: going on needs the person to say they saved them.
  await expect(page.getByTestId("backup-codes").getByRole("listitem")).toHaveCount(10);
  await page.getByLabel("I have saved my backup codes").check();
  await page.getByRole("button", { name: "Continue to the console" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(mainNav(page).getByRole("link")).toHaveText([
    "Dashboard",
    "Institutions",
    "Health",
    "Notifications",
    "Approvals",
    "Sign-ups",
    "Releases",
    "Rollouts",
    "Version matrix",
  ]);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
});
