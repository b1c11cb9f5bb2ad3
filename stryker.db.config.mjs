// StrykerJS over the environment status writes (state machine check + compare-and-set), whose
// tests need PostgreSQL: a run of its own so the unit run stays fast. Part of `pnpm mutation`.
import unit from "./stryker.config.mjs";

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  ...unit,
  vitest: { configFile: "vitest.mutation-db.config.ts", related: false },
  mutate: ["apps/api/src/domain/environments/environment-lifecycle.ts"],
  htmlReporter: { fileName: "reports/mutation/db/index.html" },
  jsonReporter: { fileName: "reports/mutation/db/mutation.json" },
  // Every mutant re-runs a test file that clones its own database.
  timeoutMS: 60_000,
};
