import { defineConfig } from "vitest/config";

// The fast, pure unit tests StrykerJS runs against every mutant of stryker.config.mjs
// (`pnpm mutation`, see docs/mutation-testing.md). Not part of `pnpm test`.
export default defineConfig({
  test: {
    include: [
      "packages/rules/test/environment-lifecycle.test.ts",
      "packages/rules/test/environment-operations.test.ts",
      "apps/api/test/unit/authz/**/*.test.ts",
      "packages/rules/test/institution-lifecycle.test.ts",
      "packages/rules/test/cnpj.test.ts",
      "apps/api/test/unit/institutions/lifecycle.test.ts",
    ],
  },
});
