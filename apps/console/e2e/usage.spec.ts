import { readFile } from "node:fs/promises";
import { ACCOUNTS } from "./support/accounts";
import { pageAs } from "./support/browser-as";
import { expect, test } from "./support/fixtures";
import { uniqueSuffix } from "./support/identifiers";
import { screenshot } from "./support/screenshot";
import { activeTenant } from "./support/tenants";

/** "YYYY-MM" in São Paulo, shifted by `delta` months. */
function billingMonth(delta = 0): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo", year: "numeric", month: "2-digit" }).formatToParts(
    new Date(),
  );
  const index = Number(parts.find((p) => p.type === "year")?.value) * 12 + Number(parts.find((p) => p.type === "month")?.value) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
}

function events(prefix: string, timestamp: string, families: Record<string, number>) {
  return Object.entries(families).flatMap(([family, n]) =>
    Array.from({ length: n }, (_, i) => ({
      id: `${prefix}-${family}-${i}`,
      meter: "api_calls",
      environment: "production",
      quantity: 1,
      timestamp,
      dimensions: { family },
    })),
  );
}

test("a customer admin creates an API key, events arrive through the API, and the chart and the draft report show them", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const tenant = await activeTenant(playwright, baseURL ?? "", "Uso E2E");
  await signIn(tenant.admin);
  await page.goto(`/institutions/${tenant.id}/api-keys`);
  await page.getByLabel("Name").fill("Reporter e2e");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^opus_uk_/);
  await expect(page.getByRole("row").filter({ hasText: "Reporter e2e" })).toContainText("Never");
  await screenshot(page, "api-keys");

  // The platform reports: 5 calls to accounts, 3 to consents, one bad event rejected on its own.
  const now = new Date().toISOString();
  const suffix = uniqueSuffix();
  const res = await page.request.post("/api/v1/usage/events", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      events: [
        ...events(suffix, now, { accounts: 5, consents: 3 }),
        { id: `${suffix}-bad`, meter: "api_calls", environment: "production", quantity: -1, timestamp: now },
      ],
    },
  });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ accepted: 8, duplicates: 0, rejected: 1 });

  await page.goto(`/institutions/${tenant.id}/usage`);
  const chart = page.getByRole("figure", { name: /API calls per day/ });
  // The tab's queries wait for the institution frame; on a loaded machine that takes a while.
  await expect(chart).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("usage-total-api_calls")).toHaveText("8");
  await expect(chart.locator(".recharts-bar-rectangle").first()).toBeVisible();
  await expect(chart.getByText("accounts")).toBeVisible();
  await expect(chart.getByText("consents")).toBeVisible();
  const draft = page.getByRole("region", { name: /Draft report for/ });
  await expect(draft.locator('tr[data-meter="api_calls"]')).toContainText("8");
  // Growth plan, self-managed: base fee R$ 2.700,00; 8 calls are within the included million.
  await expect(draft.getByTestId("report-total")).toHaveText("R$2,700.00");
  await screenshot(page, "usage-month");

  // The key's last use is recorded.
  await page.goto(`/institutions/${tenant.id}/api-keys`);
  await expect(page.getByRole("row").filter({ hasText: "Reporter e2e" })).not.toContainText("Never");
});

test("Opus billing adjusts (a second person approves), finalizes, and downloads the CSV and the PDF", async ({
  page,
  signIn,
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const tenant = await activeTenant(playwright, baseURL ?? "", "Fatura E2E");
  const month = billingMonth(-1);
  // Last month's usage, reported with a key the admin created.
  const admin = await pageAs(browser, playwright, baseURL ?? "", tenant.admin);
  await admin.page.goto(`/institutions/${tenant.id}/api-keys`);
  await admin.page.getByLabel("Name").fill("Billing e2e");
  await admin.page.getByRole("button", { name: "Create key" }).click();
  const key = (await admin.page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  await admin.close();
  const res = await page.request.post("/api/v1/usage/events", {
    headers: { authorization: `Bearer ${key}` },
    data: { events: events(uniqueSuffix(), `${month}-15T15:00:00Z`, { accounts: 4 }) },
  });
  expect((await res.json()).accepted).toBe(4);

  await signIn(ACCOUNTS.opusBilling);
  await page.goto("/billing");
  await page.getByLabel("Month").selectOption(month);
  const row = page.locator(`tr[data-institution="${tenant.legalName}"]`);
  await expect(row).toContainText("R$2,700.00");
  await expect(row).toContainText("Draft");

  // Bia asks for a credit of R$ 15,00; she cannot approve it herself.
  const adjustments = page.getByRole("region", { name: "Adjustments" });
  await adjustments.getByLabel("Institution").selectOption({ label: tenant.legalName });
  await adjustments.getByLabel(/Amount in R\$/).fill("-15.00");
  await adjustments.getByLabel("Reason").fill("SLA credit e2e");
  await adjustments.getByRole("button", { name: "Request adjustment" }).click();
  const pending = adjustments.locator('tr[data-adjustment="SLA credit e2e"]');
  await expect(pending).toContainText("Pending approval");
  await expect(pending).toContainText("Requested by you");
  await expect(pending.getByRole("button", { name: "Approve" })).toHaveCount(0);

  // Another Opus person approves it.
  const second = await pageAs(browser, playwright, baseURL ?? "", ACCOUNTS.opusAdmin);
  await second.page.goto("/billing");
  await second.page.getByLabel("Month").selectOption(month);
  const theirs = second.page.getByRole("region", { name: "Adjustments" }).locator('tr[data-adjustment="SLA credit e2e"]');
  await theirs.getByRole("button", { name: "Approve" }).click();
  await expect(theirs).toContainText("Approved");
  await second.close();

  await page.reload();
  await page.getByLabel("Month").selectOption(month);
  await expect(row).toContainText("R$2,685.00");
  await screenshot(page, "billing-month");
  await row.getByRole("button", { name: "Finalize" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Finalize" }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText("Finalized");

  const csvDownload = page.waitForEvent("download");
  await row.getByRole("button", { name: `${tenant.legalName} CSV` }).click();
  const csv = await readFile((await (await csvDownload).path()) ?? "", "utf8");
  expect(csv).toContain(`${month},adjustment,,,,,,,-15.00,SLA credit e2e`);
  expect(csv).toMatch(new RegExp(`${month},total,,,,,,,2685.00,sha256:[0-9a-f]{64}`));
  const pdfDownload = page.waitForEvent("download");
  await row.getByRole("button", { name: `${tenant.legalName} PDF` }).click();
  const pdf = await readFile((await (await pdfDownload).path()) ?? "");
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
  expect((await pdfDownload).suggestedFilename()).toMatch(new RegExp(`${month}\\.pdf$`));
});
