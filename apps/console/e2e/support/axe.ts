import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

const dir = path.resolve(import.meta.dirname, "../../test-results/axe");
const BLOCKING = new Set(["serious", "critical"]);

/** Waits until the page's own data has arrived: its heading is there and nothing is still loading. */
export async function settled(page: Page): Promise<void> {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
}

/**
 * Runs axe-core (WCAG 2.1 A/AA and best practices) on what the page shows now and fails on any
 * serious or critical violation. The counts per impact are kept in test-results/axe/<name>.json
 * for review. `label-content-name-mismatch` (a button's visible text must be part of its
 * accessible name, WCAG 2.5.3) is experimental in axe and so enabled by hand.
 */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await settled(page);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
    .analyze();
  const byImpact: Record<string, number> = {};
  for (const violation of results.violations) byImpact[violation.impact ?? "none"] = (byImpact[violation.impact ?? "none"] ?? 0) + 1;
  const blocking = results.violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ""))
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => `${node.target.join(" ")}: ${node.failureSummary ?? ""}`),
    }));
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, `${name}.json`),
    JSON.stringify(
      {
        url: page.url(),
        passes: results.passes.length,
        violations: byImpact,
        details: results.violations.map((v) => `${v.impact} ${v.id}`),
      },
      null,
      2,
    ),
  );
  expect(blocking, `${name}: serious or critical axe violations`).toEqual([]);
}
