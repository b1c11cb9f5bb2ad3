// `pnpm bench:console`: the e2e runner (API, worker, production console) with this config, which
// runs only the page-load benchmark, one worker, nothing in parallel with it.
import { defineConfig } from "@playwright/test";
import base from "../playwright.config.ts";

export default defineConfig({
  ...base,
  testDir: "./",
  testMatch: "**/*.bench.ts",
  workers: 1,
  timeout: 300_000,
  reporter: [["list"], ["json", { outputFile: "../test-results/e2e-report.json" }]],
  outputDir: "../test-results/bench-artifacts",
});
