import { ACCOUNTS, uniqueEmail } from "./support/accounts";
import { pageAs } from "./support/browser-as";
import { expect, test } from "./support/fixtures";
import { uniqueCnpj, uniqueSuffix } from "./support/identifiers";
import { screenshot } from "./support/screenshot";

test("a self sign-up waits for Opus; once an operator approves it, the person signs in and lands in the wizard", async ({
  page,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const email = uniqueEmail("self-signup");
  const legalName = `Teste Autocadastro ${uniqueSuffix()} Ltda.`;
  const password = "a-long-signup-password";

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Ask for an account" }).click();
  await expect(page.getByRole("heading", { name: "Ask for an account" })).toBeVisible();
  await page.getByLabel("Your name").fill("Sofia Solo");
  await page.getByLabel("Your work e-mail").fill(email);
  await page.getByLabel("Choose a password").fill(password);
  await page.getByLabel("Repeat the password").fill(password);
  await page.getByLabel("Institution's legal name").fill(legalName);
  await page.getByLabel("CNPJ").fill("123");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByText("A CNPJ has 14 characters")).toBeVisible();
  await page.getByLabel("CNPJ").fill(uniqueCnpj());
  await screenshot(page, "sign-up");
  await page.getByRole("button", { name: "Send request" }).click();
  await expect(page.getByRole("heading", { name: "Request received" })).toBeVisible();
  await expect(page.getByText(`Opus will review your request and write to ${email}.`)).toBeVisible();

  // No session was created: the console still asks to sign in.
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);

  const operator = await pageAs(browser, playwright, baseURL ?? "", ACCOUNTS.opusOperator);
  await operator.page.goto("/signups");
  await expect(operator.page.getByRole("row").filter({ hasText: email })).toContainText(legalName);
  await screenshot(operator.page, "signups");
  await operator.page.getByRole("button", { name: `Approve the sign-up of ${email}` }).click();
  await operator.page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(operator.page.getByRole("row").filter({ hasText: email })).toHaveCount(0);
  await operator.page.getByLabel("Show").selectOption({ label: "Approved" });
  await expect(operator.page.getByRole("row").filter({ hasText: email })).toContainText("Approved");
  await operator.close();

  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/institutions\/[^/]+\/onboarding/);
  await expect(page.getByRole("heading", { level: 1, name: legalName })).toBeVisible();
  await expect(page.locator("#step-title")).toHaveText("Identity");
});
