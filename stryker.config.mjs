// StrykerJS over the rules that guard tenants: authorization, the tenant and environment state
// machines, and CNPJ, against the fast unit tests of vitest.mutation.config.ts. Run on demand with
// `pnpm mutation` (not in CI: it runs the tests once per mutant). Scores: docs/mutation-testing.md.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts", related: false },
  plugins: ["@stryker-mutator/vitest-runner"],
  mutate: [
    "apps/api/src/authz/permissions.ts",
    "packages/rules/src/environment-lifecycle.ts",
    "packages/rules/src/environment-operations.ts",
    "packages/rules/src/institution-lifecycle.ts",
    "apps/api/src/domain/institutions/lifecycle.ts",
    "packages/rules/src/cnpj.ts",
  ],
  coverageAnalysis: "perTest",
  // Two cores shared with other engineers: one test process at a time keeps the machine usable.
  concurrency: 1,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/unit/index.html" },
  jsonReporter: { fileName: "reports/mutation/unit/mutation.json" },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
};
