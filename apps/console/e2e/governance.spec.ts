import { readFile } from "node:fs/promises";
import { ACCOUNTS } from "./support/accounts";
import { pageAs } from "./support/browser-as";
import { expect, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";
import { activeTenant } from "./support/tenants";

test("a suspension needs a second operator: the requester cannot approve it, another operator does, and it is resumed", async ({
  page,
  signIn,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const tenant = await activeTenant(playwright, baseURL ?? "");

  // Otto asks for the suspension.
  await signIn(ACCOUNTS.opusOperator);
  await page.goto(`/institutions/${tenant.id}`);
  await expect(page.getByTestId("institution-status")).toHaveText("Active");
  const actions = page.getByRole("region", { name: "Opus actions" });
  await actions.getByLabel("Change", { exact: true }).selectOption({ label: "Suspend" });
  await actions.getByLabel("Reason").fill("Unpaid invoices (e2e)");
  await actions.getByRole("button", { name: "Request approval" }).click();
  await expect(actions.getByText("Request sent.")).toBeVisible();
  const pending = actions.getByTestId("pending-request");
  await expect(pending).toContainText("Suspend");
  await expect(pending).toContainText("Unpaid invoices (e2e)");
  await expect(pending.getByTestId("waiting-for-other")).toBeVisible();
  await expect(pending.getByRole("button", { name: /Approve/ })).toHaveCount(0);
  // Nothing changes until someone else approves.
  await expect(page.getByTestId("institution-status")).toHaveText("Active");
  await screenshot(page, "institution-actions-pending");

  // In the inbox too, Otto's own request only waits.
  await page.goto("/approvals");
  const ottosRow = page.getByRole("row").filter({ hasText: tenant.legalName });
  await expect(ottosRow).toContainText("Waiting for another person");
  await expect(ottosRow.getByRole("button")).toHaveCount(0);
  await screenshot(page, "approvals-inbox");

  // Olga approves it.
  const olga = await pageAs(browser, playwright, baseURL ?? "", ACCOUNTS.opusOperator2);
  await olga.page.goto("/approvals");
  await olga.page.getByRole("button", { name: `Approve: Suspend, ${tenant.legalName}` }).click();
  const dialog = olga.page.getByRole("dialog", { name: `Approve: Suspend, ${tenant.legalName}?` });
  await expect(dialog).toContainText("Unpaid invoices (e2e)");
  await dialog.getByLabel("Note (optional)").fill("Confirmed with billing");
  await screenshot(olga.page, "approvals-decide");
  await dialog.getByRole("button", { name: "Approve" }).click();
  await expect(dialog).toBeHidden();
  const decided = olga.page.getByRole("region", { name: "Recently decided" }).getByRole("row").filter({ hasText: tenant.legalName });
  await expect(decided).toContainText("Approved");
  await expect(decided).toContainText("Confirmed with billing");
  await expect(decided).toContainText(ACCOUNTS.opusOperator2.email);
  await olga.close();

  // The institution is suspended; one person may lift a suspension.
  await page.goto(`/institutions/${tenant.id}`);
  await expect(page.getByTestId("institution-status")).toHaveText("Suspended");
  await actions.getByRole("button", { name: "Resume service" }).click();
  await page
    .getByRole("dialog", { name: `Resume ${tenant.legalName}?` })
    .getByRole("button", { name: "Resume service" })
    .click();
  await expect(page.getByTestId("institution-status")).toHaveText("Active");
});

test("offboarding: approved by a second operator, then an Opus admin exports the records and confirms destruction", async ({
  page,
  signIn,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const tenant = await activeTenant(playwright, baseURL ?? "");
  const otto = await pageAs(browser, playwright, baseURL ?? "", ACCOUNTS.opusOperator);
  await otto.page.goto(`/institutions/${tenant.id}`);
  const ottosActions = otto.page.getByRole("region", { name: "Opus actions" });
  await ottosActions.getByLabel("Change", { exact: true }).selectOption({ label: "Offboard" });
  await ottosActions.getByLabel("Reason").fill("Contract ended (e2e)");
  await ottosActions.getByRole("button", { name: "Request approval" }).click();
  await expect(ottosActions.getByText("Request sent.")).toBeVisible();
  await otto.close();

  const olga = await pageAs(browser, playwright, baseURL ?? "", ACCOUNTS.opusOperator2);
  await olga.page.goto(`/institutions/${tenant.id}`);
  await olga.page.getByRole("button", { name: `Approve: Offboard, ${tenant.legalName}` }).click();
  await olga.page.getByRole("dialog").getByRole("button", { name: "Approve" }).click();
  await expect(olga.page.getByTestId("institution-status")).toHaveText("Offboarding");
  await olga.close();

  // Only an Opus admin sets the retention and confirms destruction.
  await signIn(ACCOUNTS.opusAdmin);
  await page.goto(`/institutions/${tenant.id}`);
  const actions = page.getByRole("region", { name: "Opus actions" });
  await expect(actions.getByRole("heading", { name: "Offboarding" })).toBeVisible();
  await actions.getByLabel("Retention (days)").fill("0");
  await actions.getByRole("button", { name: "Save retention" }).click();
  await expect(actions.getByText("Retention saved.")).toBeVisible();
  await expect(actions.getByText("Export the institution's records before confirming destruction.")).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    actions.getByRole("button", { name: "Export records (JSON)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-records-\d{4}-\d{2}-\d{2}\.json$/);
  const records = JSON.parse(await readFile(await download.path(), "utf8")) as { format: string; institution: { legalName: string } };
  expect(records).toMatchObject({ format: "opus-tenant-export/v1", institution: { legalName: tenant.legalName } });
  await expect(actions.getByText("Records exported and retention over: the data can be destroyed.")).toBeVisible();
  await screenshot(page, "institution-offboarding");

  await actions.getByRole("button", { name: "Confirm destruction" }).click();
  await page
    .getByRole("dialog", { name: `Destroy the data of ${tenant.legalName}?` })
    .getByRole("button", { name: "Confirm destruction" })
    .click();
  await expect(page.getByTestId("institution-status")).toHaveText("Offboarded");
});
