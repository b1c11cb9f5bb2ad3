import type { Browser, Page } from "@playwright/test";
import * as OTPAuth from "otpauth";
import { expect, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";
import { staffWithoutTotp } from "./support/staff";

const PASSWORD = "a-long-staff-password";

/** A browser that has never signed in: password, then a backup code instead of the app's code. */
async function signInWithBackupCode(browser: Browser, email: string, code: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByRole("button", { name: "Use a backup code instead" }).click();
  await page.getByLabel("Backup code").fill(code);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  return page;
}

test("backup codes: saved at enrolment, each signs in once, and regenerating invalidates the old set", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const who = await staffWithoutTotp(PASSWORD);
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/security\/two-factor$/);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  const uri = (await page.getByTestId("totp-uri").textContent()) ?? "";
  await page.getByLabel("Authentication code").fill(OTPAuth.URI.parse(uri).generate());
  await page.getByRole("button", { name: "Verify and turn on" }).click();

  // The codes are shown once, and the person confirms they saved them before going on.
  // allTextContents does not wait: wait for the list to render first.
  await expect(page.getByTestId("backup-codes").getByRole("listitem")).toHaveCount(10);
  const codes = await page.getByTestId("backup-codes").getByRole("listitem").allTextContents();
  const cont = page.getByRole("button", { name: "Continue to the console" });
  await expect(cont).toBeDisabled();
  await screenshot(page, "backup-codes-enrolment");
  await page.getByLabel("I have saved my backup codes").check();
  await cont.click();
  await expect(page).toHaveURL(/\/dashboard$/);

  // A code signs in once; the same code is refused the second time.
  const [first = "", second = "", third = ""] = codes;
  const once = await signInWithBackupCode(browser, who.email, first);
  await expect(once).toHaveURL(/\/dashboard$/);
  await once.context().close();
  const twice = await signInWithBackupCode(browser, who.email, first);
  await expect(twice.getByText("This backup code is not valid or was already used.")).toBeVisible();
  await expect(twice).toHaveURL(/\/sign-in/);
  await screenshot(twice, "backup-code-refused");
  await twice.context().close();

  // Regenerating (password again) gives a new set; the old codes stop working.
  const signedIn = await signInWithBackupCode(browser, who.email, second);
  await expect(signedIn).toHaveURL(/\/dashboard$/);
  await signedIn.goto("/security/two-factor");
  await expect(signedIn.getByText("Two-factor authentication is already on")).toBeVisible();
  await signedIn.getByLabel("Password").fill(PASSWORD);
  await signedIn.getByRole("button", { name: "Generate new backup codes" }).click();
  await expect(signedIn.getByText("Your old backup codes no longer work.")).toBeVisible();
  await expect(signedIn.getByTestId("backup-codes").getByRole("listitem")).toHaveCount(10);
  const fresh = await signedIn.getByTestId("backup-codes").getByRole("listitem").allTextContents();
  expect(fresh.filter((c) => codes.includes(c))).toEqual([]);
  await screenshot(signedIn, "backup-codes-regenerated");
  await signedIn.context().close();

  const old = await signInWithBackupCode(browser, who.email, third);
  await expect(old.getByText("This backup code is not valid or was already used.")).toBeVisible();
  await old.context().close();
  const renewed = await signInWithBackupCode(browser, who.email, fresh[0] ?? "");
  await expect(renewed).toHaveURL(/\/dashboard$/);
  await renewed.context().close();
});
