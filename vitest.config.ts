import { defineConfig } from "vitest/config";

// Each workspace package keeps its own vitest.config.ts; this file only lists them.
export default defineConfig({
  test: {
    projects: ["packages/db", "packages/rules", "packages/provisioner", "apps/api", "apps/console"],
  },
});
