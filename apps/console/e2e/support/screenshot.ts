import path from "node:path";
import type { Page } from "@playwright/test";

const dir = path.resolve(import.meta.dirname, "../../test-results/screenshots");

/** A full-page picture of what a person sees, kept for review: test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  // Let fonts settle and nothing be mid-transition.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true, animations: "disabled" });
}
