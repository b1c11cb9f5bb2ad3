// A page someone's role does not open says so, with the way home: no failed query, no "Try again".
import { ACCOUNTS } from "./support/accounts";
import { expect, openHome, signInRequest, test } from "./support/fixtures";
import { trpcQuery } from "./support/trpc";

test.describe.configure({ mode: "parallel" });

async function expectNotAvailable(page: import("@playwright/test").Page) {
  await expect(page.getByRole("heading", { level: 1, name: "This page is not available to you" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Try again" })).toHaveCount(0);
  await expect(page.getByText("This could not be loaded.")).toHaveCount(0);
}

async function otherInstitutionId(playwright: import("@playwright/test").PlaywrightWorkerArgs["playwright"], baseURL: string) {
  const horizonte = await signInRequest(playwright, baseURL, ACCOUNTS.horizonteAdmin);
  const me = await trpcQuery<{ memberships: { institution: { id: string } }[] }>(horizonte, "me.get");
  await horizonte.dispose();
  return me.memberships[0]?.institution.id ?? "";
}

test("a customer admin opening Opus' pages is told they are not available, and can go home", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.auroraAdmin);
  const ownId = await openHome(page);
  for (const path of ["/institutions", "/dashboard", "/approvals", "/billing"]) {
    await page.goto(path);
    await expectNotAvailable(page);
  }
  await page.getByRole("link", { name: "Go to your home page" }).click();
  await expect(page).toHaveURL(new RegExp(`/institutions/${ownId}$`));
});

test("a customer admin opening another institution's pages, or one that does not exist, is told they are not available", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  const otherId = await otherInstitutionId(playwright, baseURL ?? "");
  await signIn(ACCOUNTS.auroraAdmin);
  for (const path of [
    `/institutions/${otherId}`,
    `/institutions/${otherId}/members`,
    `/institutions/${otherId}/environments`,
    "/institutions/00000000-0000-4000-8000-000000000000",
  ]) {
    await page.goto(path);
    await expectNotAvailable(page);
  }
});

test("a viewer opening a section their role does not include is told so", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.auroraViewer);
  const ownId = await openHome(page);
  await page.goto(`/institutions/${ownId}/api-keys`);
  await expectNotAvailable(page);
});

test("Opus staff opening an institution that does not exist are told it is not available", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusOperator);
  await page.goto("/institutions/00000000-0000-4000-8000-000000000000");
  await expectNotAvailable(page);
  await page.goto("/billing");
  await expectNotAvailable(page);
});
