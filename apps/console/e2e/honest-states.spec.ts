// What the console says matches what happened: a failed setup is not "Approved", a failed drift
// check is not "no drift", an active environment does not say nothing is deployed, a finished run
// promises no more attempts, a customer reads what Opus does about a failure (the engine's text is
// for Opus staff), a CNPJ another institution holds reads as that conflict, and a managed
// institution shows its region.
import { ACCOUNTS, INSTITUTIONS } from "./support/accounts";
import { pageAs } from "./support/browser-as";
import { expect, openHome, test } from "./support/fixtures";
import { failedDriftCheck, failedRun, saasTenant, viewerOf } from "./support/provisioning";
import { screenshot } from "./support/screenshot";
import { invitedTenant } from "./support/tenants";

test.describe.configure({ mode: "parallel" });

const ENGINE_ERROR = "error: opus:tenant:Database (db): dial tcp 10.0.4.12:5432: connect: connection refused";

test("an institution whose first deploy failed in every environment says setup failed, with the next step for each reader", async ({
  page,
  signIn,
  browser,
  playwright,
  baseURL,
}) => {
  const tenant = await saasTenant({ slugPrefix: "banco-falha", status: "APPROVED", environmentStatus: "PENDING" });
  const runId = await failedRun(tenant, ENGINE_ERROR);
  await signIn(ACCOUNTS.opusOperator);
  await page.goto(`/institutions/${tenant.id}`);
  await expect(page.getByTestId("institution-status")).toHaveText("Setup failed");
  const banner = page.getByTestId("setup-failed");
  await expect(banner).toContainText("every environment's first deploy failed");
  await screenshot(page, "honest-setup-failed-staff");
  await banner.getByRole("link", { name: "Open the environments" }).click();
  await expect(page).toHaveURL(new RegExp(`/institutions/${tenant.id}/environments$`));
  await page.goto(`/institutions/${tenant.id}/operations/${runId}`);
  await expect(page.getByTestId("engine-error")).toHaveText(ENGINE_ERROR);
  await expect(page.getByTestId("run-attempt")).toHaveText("5 attempts");

  // A customer reads plain words and what Opus does about it; the engine's text never reaches them.
  const viewer = await viewerOf(tenant.id);
  const customer = await pageAs(browser, playwright, baseURL ?? "", viewer);
  const bodies: string[] = [];
  customer.page.on("response", async (response) => {
    if (response.url().includes("/api/trpc/")) bodies.push(await response.text().catch(() => ""));
  });
  await customer.page.goto(`/institutions/${tenant.id}`);
  await expect(customer.page.getByTestId("institution-status")).toHaveText("Setup failed");
  await expect(customer.page.getByTestId("status-panel")).toContainText("Setting up your environments failed");
  await customer.page.goto(`/institutions/${tenant.id}/environments/${tenant.environmentId}`);
  const notice = customer.page.getByTestId("failed-run-notice");
  await expect(notice).toContainText("Opus operators see this failure on their dashboard");
  await expect(notice.getByTestId("engine-error")).toHaveCount(0);
  await expect(notice).not.toContainText("Preview again and deploy");
  await screenshot(customer.page, "honest-failed-environment-customer");
  await customer.page.goto(`/institutions/${tenant.id}/operations/${runId}`);
  await expect(customer.page.getByRole("heading", { name: "The run failed" })).toBeVisible();
  await expect(customer.page.getByTestId("engine-error")).toHaveCount(0);
  await expect(customer.page.getByText("Opus operators see this failure on their dashboard")).toBeVisible();
  expect(bodies.join("\n")).not.toContain("dial tcp");
  await customer.close();
});

test("a drift check that failed says so, with its reason, instead of an older 'no drift'", async ({ page, signIn }) => {
  const tenant = await saasTenant({ status: "ACTIVE", environmentStatus: "ACTIVE" });
  await failedDriftCheck(tenant, "error: refresh failed: the cluster API did not answer");
  await signIn(ACCOUNTS.opusOperator);
  await page.goto(`/institutions/${tenant.id}/environments/${tenant.environmentId}`);
  const drift = page.getByTestId("drift-status");
  await expect(drift).toContainText("Check failed");
  await expect(drift).toContainText("it is not known whether the infrastructure still matches");
  await expect(drift.getByTestId("engine-error")).toHaveText("error: refresh failed: the cluster API did not answer");
  await expect(drift).not.toContainText("No drift");
});

test("an active environment with a release never says nothing has been deployed", async ({ page, signIn }) => {
  // The demo's Aurora environments are active on release 3.4.0 with no outputs recorded.
  await signIn(ACCOUNTS.auroraAdmin);
  const id = await openHome(page);
  await page.goto(`/institutions/${id}/environments`);
  await page
    .getByRole("link", { name: /Homologation/ })
    .first()
    .click();
  await expect(page.getByTestId("environment-status")).toHaveText("Active");
  await expect(page.getByText("Nothing has been deployed yet.")).toHaveCount(0);
  await expect(page.getByText("Release 3.4.0 is deployed, but its outputs were not recorded")).toBeVisible();
});

test("a CNPJ another institution holds reads as that conflict, in the words the field uses", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  const tenant = await invitedTenant(playwright, baseURL ?? "");
  await signIn(tenant.admin);
  await page.goto(`/institutions/${tenant.id}/onboarding?step=identity`);
  // Banco Aurora's CNPJ.
  await page.getByLabel("CNPJ", { exact: true }).fill("11222333000181");
  await page.getByLabel("OrganisationId (Open Finance Directory)").fill("7a3c52e9-0c43-4b7c-9a35-3e1f2a6d0b11");
  await page.getByLabel(/^DADOS/).check();
  await page.getByRole("button", { name: "Save and continue" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Another institution is already registered with this CNPJ." });
  await expect(alert.first()).toBeVisible();
  await expect(page.getByText("Some of the information is not valid")).toHaveCount(0);
});

test("a managed institution shows its region, as a SaaS one does", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusOperator);
  await page.goto("/institutions");
  await page.getByRole("link", { name: INSTITUTIONS.horizonte }).click();
  const deployment = page.getByRole("region", { name: "Deployment" });
  await expect(deployment).toContainText("Managed sub-account");
  await expect(deployment).toContainText("sa-east-1");
  await expect(deployment).not.toContainText("Not set");
});
