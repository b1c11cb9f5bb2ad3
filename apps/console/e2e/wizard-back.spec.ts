import { expect, test } from "./support/fixtures";
import { uniqueUuid } from "./support/identifiers";
import { screenshot } from "./support/screenshot";
import { invitedTenant } from "./support/tenants";

test.use({ locale: "en-US" });

test("the wizard's Back keeps what was typed on the current step, even half-filled and unsaved", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const tenant = await invitedTenant(playwright, baseURL ?? "");
  await signIn(tenant.admin);
  await page.goto(`/institutions/${tenant.id}/onboarding`);
  const stepTitle = page.locator("#step-title");
  const saveAndContinue = page.getByRole("button", { name: "Save and continue" });

  await expect(stepTitle).toHaveText("Identity");
  await page.getByLabel("CNPJ", { exact: true }).fill(tenant.cnpj);
  await page.getByLabel("OrganisationId (Open Finance Directory)").fill(tenant.organisationId);
  await page.getByLabel("DADOS · Data sharing").check();
  await saveAndContinue.click();

  // Brands: a brand typed, no API family chosen yet (the step could not be saved), then Back.
  await expect(stepTitle).toHaveText("Brands and APIs");
  const brandId = uniqueUuid();
  await page.getByLabel("Brand 1 name").fill("Banco Voltar");
  await page.getByLabel("Brand 1 AuthorisationServerId").fill(brandId);
  await page.getByRole("button", { name: "Back" }).click();
  await expect(stepTitle).toHaveText("Identity");
  await expect(page.getByLabel("OrganisationId (Open Finance Directory)")).toHaveValue(tenant.organisationId);

  // Identity typed again but not saved, and forward through the saved step: both steps keep the typing.
  await page.getByLabel("Trade name").fill("Voltar");
  await saveAndContinue.click();
  await expect(stepTitle).toHaveText("Brands and APIs");
  await expect(page.getByLabel("Brand 1 name")).toHaveValue("Banco Voltar");
  await expect(page.getByLabel("Brand 1 AuthorisationServerId")).toHaveValue(brandId);
  await screenshot(page, "wizard-back-keeps-typing");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByLabel("Trade name")).toHaveValue("Voltar");
});
