// The institutions page as a person opens it: five fresh loads in headless Chromium (Debian's),
// median time to first contentful paint and to the first row of data, beside the sign-in page
// (no data, no session) measured the same way in the same run. A realistic fleet is seeded first.
// Run: DATABASE_URL=… pnpm bench:console. Prints figures; asserts nothing about them.
import { type Browser, test } from "@playwright/test";
import { seedFleet } from "../../api/bench/api/seed-fleet.ts";
import { ACCOUNTS } from "../e2e/support/accounts.ts";
import { signInRequest } from "../e2e/support/fixtures.ts";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

// Records, in the page's own clock (0 = navigation start), when the selector first matches.
const WATCH = (selector: string) => `
  window.__visibleAt = null;
  new MutationObserver((_, observer) => {
    if (window.__visibleAt === null && document.querySelector(${JSON.stringify(selector)})) {
      window.__visibleAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });`;

type StorageState = Awaited<ReturnType<Awaited<ReturnType<typeof signInRequest>>["storageState"]>>;

async function loadTimes(browser: Browser, path: string, selector: string, storageState?: StorageState) {
  const context = await browser.newContext(storageState ? { storageState } : {});
  await context.addInitScript(WATCH(selector));
  const page = await context.newPage();
  await page.goto(path); // warm-up: compiled routes, connection pools, caches
  await page.locator(selector).first().waitFor();
  const runs: { fcp: number; visible: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    await page.goto(path);
    await page.locator(selector).first().waitFor();
    runs.push(
      await page.evaluate(() => ({
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        visible: (window as unknown as { __visibleAt: number }).__visibleAt,
      })),
    );
  }
  await context.close();
  return runs;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

test("institutions page load against the sign-in page", async ({ browser, playwright, baseURL }) => {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl || !baseURL) throw new Error("run through `pnpm bench:console` (it starts the console and the API)");
  const counts = await seedFleet(databaseUrl);
  const request = await signInRequest(playwright, baseURL, ACCOUNTS.opusAdmin);
  const session = await request.storageState();

  const signIn = await loadTimes(browser, "/sign-in", "form input[type=email]");
  const institutions = await loadTimes(browser, "/institutions", "table tbody tr a", session);
  const row = (name: string, runs: { fcp: number; visible: number }[]) =>
    `${name.padEnd(34)}${median(runs.map((r) => r.fcp))
      .toFixed(0)
      .padStart(8)} ms${median(runs.map((r) => r.visible))
      .toFixed(0)
      .padStart(12)} ms   runs: ${runs.map((r) => r.visible.toFixed(0)).join(", ")}`;
  console.log(`\nPage loads in headless Chromium, ${counts.institution} institutions, median of ${RUNS} (ms from navigation start)`);
  console.log(`${"page".padEnd(34)}${"FCP".padStart(11)}${"content".padStart(15)}`);
  console.log(row("sign-in (baseline: form visible)", signIn));
  console.log(row("institutions (first row visible)", institutions));
});
