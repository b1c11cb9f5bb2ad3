import { defineConfig } from "vitest/config";

// The one integration file StrykerJS runs against the mutants of stryker.db.config.mjs: the
// compare-and-set environment moves need PostgreSQL (DATABASE_URL), so they get a run of their own
// that the unit run's static mutants never pay for. See docs/mutation-testing.md.
export default defineConfig({
  test: {
    include: ["apps/api/test/provisioning/environment-moves.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test" },
  },
});
