import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "api",
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests clone a fresh database per file from a migrated template (see @opus/db/test-database).
    env: { NODE_ENV: "test" },
  },
});
