import { readFileSync } from "node:fs";
import { ACCOUNTS } from "./support/accounts";
import { expect, signInRequest, test } from "./support/fixtures";
import { screenshot } from "./support/screenshot";
import { activeTenant } from "./support/tenants";
import { trpcMutation } from "./support/trpc";

/** One endpoint of the admin metrics API 2.0.1 answer, today plus three previous days. */
function adminMetric(endpoint: string, partialDowntime: number, p95: number | null) {
  const days = (current: number) => ({ currentDay: current, previousDays: [current, current, current] });
  return {
    endpoint,
    requestTime: new Date().toISOString(),
    availability: {
      uptime: { generalUptimeRate: "0.930000", uptimeRate: "0.930000" },
      downtime: { generalDowntime: partialDowntime, scheduledOutage: 0, partialDowntime },
    },
    invocations: days(12_000),
    averageResponse: days(420),
    averageTps: days(2),
    peakTps: days(35),
    errors: days(14),
    rejections: days(3),
    ...(p95 !== null ? { p95Response: { currentDay: p95, previousDays: [null, null, null] } } : {}),
  };
}

test("metrics arrive through the API, the fleet view flags the breaching installation, and the operator sees the chart and the breached rule", async ({
  page,
  signIn,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const tenant = await activeTenant(playwright, baseURL ?? "", "Saúde E2E");
  const admin = await signInRequest(playwright, baseURL ?? "", tenant.admin);
  const { key } = await trpcMutation<{ key: string }>(admin, baseURL ?? "", "apiKeys.create", {
    institutionId: tenant.id,
    name: "metrics e2e",
  });
  await admin.dispose();

  // The installation reports: consents down 6,000 s today (93.05%), accounts fine; no p95 for accounts.
  const res = await page.request.post("/api/v1/metrics", {
    headers: { authorization: `Bearer ${key}` },
    data: {
      environment: "production",
      data: [adminMetric("/open-banking/consents/v3/consents", 6000, 1200), adminMetric("/open-banking/accounts/v2/accounts", 0, null)],
    },
  });
  expect(res.status()).toBe(200);
  expect((await res.json()).days).toHaveLength(8);

  await signIn(ACCOUNTS.opusOperator);
  await page.goto("/health");
  await page.getByLabel("Deployment mode").selectOption("SELF_MANAGED");
  await page.getByLabel("Health", { exact: true }).selectOption("BREACHING");
  const row = page.getByRole("row").filter({ hasText: tenant.legalName });
  await expect(row).toContainText("Breaching", { timeout: 30_000 });
  await expect(row).toContainText("Daily availability");
  // Opus operations were told once (console and e-mail), and releases are compared by health.
  const told = "(production), daily availability below 95% on /open-banking/consents/v3/consents";
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText(told);
  await expect(page.getByTestId("release-comparison")).toContainText("Breaching");
  await screenshot(page, "health-fleet");

  // The fleet's weekly report for this week so far: every institution that reported, this one among them.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "America/Sao_Paulo" }).format(new Date());
  const monday = new Date(`${today}T12:00:00Z`);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  const week = monday.toISOString().slice(0, 10);
  const fleetWeekly = page.getByRole("region", { name: "Fleet weekly availability report" });
  await fleetWeekly.getByLabel("Week starting (Monday)").fill(week);
  const fleetDownload = page.waitForEvent("download");
  await fleetWeekly.getByRole("button", { name: "CSV" }).click();
  const fleetFile = await fleetDownload;
  expect(fleetFile.suggestedFilename()).toBe(`availability-fleet-${week}.csv`);
  const fleetCsv = readFileSync(await fleetFile.path(), "utf8");
  expect(fleetCsv).toMatch(/^institution,cnpj,legal_name,environment,/);
  expect(fleetCsv).toContain(`${tenant.legalName},production,consents,/open-banking/consents/v3/consents`);

  // The notices follow the language switch at once (the card asks in the language on screen), in both
  // directions; the operator's account is put back to English for the other specs.
  try {
    await page.getByRole("button", { name: "Português (Brasil)" }).click();
    await expect(page.getByRole("region", { name: "Notificações" })).toContainText("(produção), disponibilidade diária abaixo de", {
      timeout: 5_000,
    });
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("region", { name: "Notifications" })).toContainText(told, { timeout: 5_000 });
  } finally {
    await trpcMutation(page.request, baseURL ?? "", "me.setLocale", { locale: "en" });
  }

  await row.getByRole("link", { name: tenant.legalName }).click();
  await expect(page.getByTestId("health-status")).toHaveText("Breaching", { timeout: 30_000 });
  const chart = page.getByRole("figure", { name: "Daily availability (worst endpoint)" });
  await expect(chart.locator(".recharts-line-dots circle, .recharts-dot").first()).toBeVisible();
  await expect(chart.getByText("95% daily minimum")).toBeVisible();
  const breaches = page.getByRole("region", { name: "Breaches in the 90-day window" });
  const daily = breaches.locator('tr[data-rule="availability.daily"]');
  await expect(daily).toContainText("/open-banking/consents/v3/consents");
  await expect(daily).toContainText("93.0555% (minimum 95.0000%)");
  await expect(daily).toContainText("Rests on: downtime seconds, scheduled outages included");
  // Accounts reported only an average: shown as an average, never judged as a percentile.
  const endpoints = page.getByRole("region", { name: "Endpoints" });
  await expect(endpoints.getByRole("row").filter({ hasText: "/open-banking/accounts/v2/accounts" })).toContainText(
    "average 420 ms (not a percentile)",
  );
  // The institution's page shows what its admins were told.
  await expect(page.getByRole("region", { name: "Notifications" })).toContainText(told);
  // The weekly report downloads as CSV (and PDF), per API family and endpoint.
  const weekly = page.getByRole("region", { name: "Weekly availability report" });
  const download = page.waitForEvent("download");
  await weekly.getByRole("button", { name: "CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^availability-.+-\d{4}-\d{2}-\d{2}\.csv$/);
  await screenshot(page, "health-environment");
});
