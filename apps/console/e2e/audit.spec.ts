import { readFile } from "node:fs/promises";
import { ACCOUNTS, uniqueEmail } from "./support/accounts";
import { expect, openHome, test } from "./support/fixtures";
import { invite } from "./support/invitations";
import { screenshot } from "./support/screenshot";

test("an Opus admin reads the fleet-wide audit trail", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusAdmin);
  await page.goto("/audit");
  await expect(page.getByRole("heading", { level: 1, name: "Audit" })).toBeVisible();
  const seeded = page.getByRole("row").filter({ hasText: "Demo data loaded" });
  await expect(seeded).toContainText("System");
  await expect(page.getByText("Times in Brasília time (America/Sao_Paulo).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Newer" })).toBeDisabled();
  await screenshot(page, "audit");
});

test("an Opus admin checks the audit chain's integrity", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusAdmin);
  await page.goto("/audit");
  const integrity = page.getByRole("region", { name: "Integrity" });
  await integrity.getByRole("button", { name: "Check the chain" }).click();
  await expect(integrity.getByRole("status")).toContainText(/The chain is intact: [\d,]+ events/);
  await expect(integrity).toContainText(/signed checkpoints verified/);
  // Today's events as JSON lines: a header, then one line per event.
  const [download] = await Promise.all([page.waitForEvent("download"), integrity.getByRole("button", { name: "Download export" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^opus-audit-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.jsonl$/);
  const text = await readFile((await download.path()) ?? "", "utf8");
  expect(JSON.parse(text.split("\n")[0] ?? "")).toMatchObject({ export: { format: "opus-audit-export/v1" } });
  await screenshot(page, "audit-integrity");
});

test("an institution admin reads who did what, when and from where", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.auroraAdmin);
  const institutionId = await openHome(page);
  await page.goto(`/institutions/${institutionId}/members`);
  const email = uniqueEmail("audited");
  await invite(page, email, "Viewer");

  await page.getByRole("navigation", { name: "Institution sections" }).getByRole("link", { name: "Audit" }).click();
  await expect(page).toHaveURL(new RegExp(`/institutions/${institutionId}/audit$`));
  const row = page.getByRole("row").filter({ hasText: `Invited ${email} as Viewer` });
  await expect(row).toContainText(ACCOUNTS.auroraAdmin.email);
  await expect(row).toContainText("member.invited");
  await expect(row.getByRole("cell").last()).toHaveText(/\d+\.\d+\.\d+\.\d+|:/);
  // Only this institution's events: the demo seeding happened outside any institution.
  await expect(page.getByText("Demo data loaded")).toHaveCount(0);
  await screenshot(page, "institution-audit");
});

test("Opus operators cannot open the fleet-wide audit trail", async ({ page, signIn }) => {
  await signIn(ACCOUNTS.opusOperator);
  await page.goto("/audit");
  await expect(page.getByRole("alert").filter({ hasText: "You do not have permission to do this." })).toBeVisible();
});
