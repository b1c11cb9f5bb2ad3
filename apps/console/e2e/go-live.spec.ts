import { ACCOUNTS } from "./support/accounts";
import { expect, signInRequest, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";
import { activeTenant } from "./support/tenants";
import { trpcMutation } from "./support/trpc";

test("Opus opens the go-live roadmap; the customer admin sees what is missing and attaches evidence", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const tenant = await activeTenant(playwright, baseURL ?? "", "Roteiro E2E");
  const operator = await signInRequest(playwright, baseURL ?? "", ACCOUNTS.opusOperator);
  await trpcMutation(operator, baseURL ?? "", "goLive.open", {
    institutionId: tenant.id,
    deliveryManagerEmail: "operator2@opus.example",
    migrationRequired: false,
  });
  await operator.dispose();

  await signIn(tenant.admin);
  await page.goto(`/institutions/${tenant.id}/go-live`);
  const gates = page.getByTestId("go-live-gates");
  await expect(gates).toContainText(
    "Deploying production waits for: OpenID certification of homologation; Consent-journey screens; Integration layer.",
    { timeout: 30_000 },
  );
  await expect(page.locator('[data-stage="MIGRATION"]')).toContainText("Not applicable");
  const screens = page.locator('[data-stage="CONSENT_SCREENS"]');
  await screens.getByLabel("Evidence").fill("Screens sign-off");
  await screens.getByLabel("Link").fill("https://drive.example/screens.pdf");
  await screens.getByRole("button", { name: "Attach" }).click();
  await expect(screens.getByRole("link", { name: "Screens sign-off" })).toHaveAttribute("href", "https://drive.example/screens.pdf");
  // Evidence as a file: uploaded, listed, downloaded as it was.
  await screens.getByLabel("Label of the file").fill("Screens test log");
  await screens
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "screens.csv", mimeType: "text/csv", buffer: Buffer.from("screen,result\nconsent,pass\n") });
  await screens.getByRole("button", { name: "Upload" }).click();
  const fileLink = screens.getByRole("button", { name: /^Screens test log \(screens\.csv, 1 KiB\)$/ });
  await expect(fileLink).toBeVisible();
  const download = page.waitForEvent("download");
  await fileLink.click();
  expect((await download).suggestedFilename()).toBe("screens.csv");
  // A file of megabytes (a test run's PDF with screenshots) goes up through the console as well.
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(7 * 1024 * 1024, 0x20), Buffer.from("\n%%EOF\n")]);
  await screens.getByLabel("Label of the file").fill("Screens test run");
  await screens.getByLabel("File", { exact: true }).setInputFiles({ name: "run.pdf", mimeType: "application/pdf", buffer: pdf });
  await screens.getByRole("button", { name: "Upload" }).click();
  await expect(screens.getByRole("button", { name: /^Screens test run \(run\.pdf, 7\.1 MiB\)$/ })).toBeVisible({ timeout: 30_000 });
  // One over the limit is refused in the browser, before it is read or sent, with the limit said.
  await screens.getByLabel("Label of the file").fill("Too big");
  await screens
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "huge.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(9 * 1024 * 1024, 0x20) });
  await expect(screens.getByRole("alert")).toHaveText("This file is 9 MiB; evidence files are at most 8 MiB. Attach a link to it instead.");
  await expect(screens.getByRole("button", { name: "Upload" })).toBeDisabled();
  // The customer neither moves stages nor declares go-live.
  await expect(page.getByRole("button", { name: "Declare go-live" })).toHaveCount(0);
  await expect(screens.getByLabel(/State of/)).toHaveCount(0);
  await screenshot(page, "go-live-roadmap");
});
