import { ACCOUNTS } from "./support/accounts";
import { expect, openHome, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";

test("a Portuguese browser gets pt-BR, and the switch changes the language", async ({ browser }) => {
  const context = await browser.newContext({ locale: "pt-BR" });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { name: "Entrar" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  expect((await context.cookies()).find((c) => c.name === "NEXT_LOCALE")?.value).toBe("en");

  await page.reload();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByRole("button", { name: "Português (Brasil)" }).click();
  await expect(page.getByRole("heading", { name: "Entrar" })).toBeVisible();
  await expect(page.getByLabel("Senha")).toBeVisible();
  await context.close();
});

test("signed in, the switch translates the console and is saved on the account", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.horizonteAdmin);
  await openHome(page);
  await expect(page.getByRole("link", { name: "Overview" }).first()).toBeVisible();
  await expect(page.getByText("Submitted", { exact: true }).first()).toBeVisible();

  await page.getByRole("button", { name: "Português (Brasil)" }).click();
  await expect(page.getByRole("link", { name: "Visão geral" }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Sair" })).toBeVisible();
  await expect(page.getByText("Enviada", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("deployment-explanation")).toContainText("A Opus instala e opera a plataforma");
  await screenshot(page, "institution-overview-pt-BR");

  const me = await page.request.get("/api/trpc/me.get");
  expect(((await me.json()) as { result: { data: { json: { locale: string } } } }).result.data.json.locale).toBe("pt-BR");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("link", { name: "Overview" }).first()).toBeVisible();
});
