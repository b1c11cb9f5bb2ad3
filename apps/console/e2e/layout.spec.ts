// The console at a phone's width (390 px), a laptop's (1366 px) and a large screen's (1920 px):
// no page scrolls sideways, the navigation folds into a menu on small screens, long institution
// names wrap (the full name stays available), and wide tables scroll inside their own card.
// Screenshots at each width: test-results/screenshots/layout-<width>-<page>.png.
import type { Page } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { expect, mainNav, test } from "./support/fixtures";
import { pastRuns, saasTenant, viewerOf } from "./support/provisioning";
import { screenshot } from "./support/screenshot";

test.describe.configure({ mode: "parallel" });

const WIDTHS = [390, 1366, 1920] as const;
const LONG_NAME = "Cooperativa de Crédito dos Servidores Públicos Municipais e Estaduais do Vale do Rio Doce e Região Metropolitana Ltda.";

/** How far the page is wider than the window (0 = no sideways scrolling). */
async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

async function settle(page: Page) {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

for (const width of WIDTHS) {
  test(`Opus staff's pages at ${width} px`, async ({ page, signIn }) => {
    test.setTimeout(150_000);
    await page.setViewportSize({ width, height: 900 });
    const tenant = await saasTenant({ status: "ACTIVE", environmentStatus: "ACTIVE", legalName: LONG_NAME });
    const { deployId } = await pastRuns(tenant);
    await signIn(ACCOUNTS.opusAdmin);
    const pages: [string, string][] = [
      ["dashboard", "/dashboard"],
      ["institutions", "/institutions"],
      ["approvals", "/approvals"],
      ["billing", "/billing"],
      ["audit", "/audit"],
      ["institution", `/institutions/${tenant.id}`],
      ["certificates", `/institutions/${tenant.id}/certificates`],
      ["environment", `/institutions/${tenant.id}/environments/${tenant.environmentId}`],
      ["run", `/institutions/${tenant.id}/operations/${deployId}`],
    ];
    // Pages whose own content comes after the institution's header: wait for it too.
    const content: Record<string, string> = { environment: "environment-status", run: "run-status" };
    for (const [name, path] of pages) {
      await page.goto(path);
      await settle(page);
      if (content[name]) await expect(page.getByTestId(content[name] ?? "")).toBeVisible();
      await screenshot(page, `layout-${width}-${name}`);
      expect(await horizontalOverflow(page), `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    }
  });
}

test("on a phone the navigation is a menu, and wide tables scroll inside their card", async ({ page, signIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const tenant = await saasTenant({ status: "ACTIVE", environmentStatus: "ACTIVE" });
  await pastRuns(tenant);
  await signIn(ACCOUNTS.opusOperator);
  await page.goto(`/institutions/${tenant.id}/environments/${tenant.environmentId}`);
  await settle(page);
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(mainNav(page)).toBeHidden();
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(mainNav(page)).toBeVisible();
  await screenshot(page, "layout-390-menu-open");
  await mainNav(page).getByRole("link", { name: "Institutions" }).click();
  await expect(page).toHaveURL(/\/institutions$/);
  await expect(mainNav(page)).toBeHidden();

  // The runs table is wider than the phone: it scrolls inside its card, the page does not.
  await page.goBack();
  const runs = page.getByRole("group", { name: "Runs" });
  await expect(runs.locator("tbody tr")).toHaveCount(2);
  const { scrollWidth, clientWidth } = await runs.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});

test("on a laptop the navigation is always there, with no menu button", async ({ page, signIn }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await signIn(ACCOUNTS.opusOperator);
  await page.goto("/dashboard");
  await expect(mainNav(page)).toBeVisible();
  await expect(page.getByRole("button", { name: "Menu" })).toBeHidden();
});

test("a long institution name wraps on the page and keeps its full name where it is cut", async ({ page, signIn }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const tenant = await saasTenant({ status: "ACTIVE", environmentStatus: "ACTIVE", legalName: LONG_NAME });
  await signIn(await viewerOf(tenant.id));
  await page.goto(`/institutions/${tenant.id}`);
  await settle(page);
  // The heading shows all of it, wrapped.
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(tenant.legalName);
  const box = await heading.boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(390);
  // The navigation cuts it, with the whole name as the title.
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(mainNav(page).getByRole("heading", { level: 2 })).toHaveAttribute("title", tenant.legalName);
  await screenshot(page, "layout-390-long-name");
  expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
});
