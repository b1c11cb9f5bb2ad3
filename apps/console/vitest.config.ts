import { defineConfig } from "vitest/config";

// Unit tests of the console that need no browser (catalogues, pure helpers); the rest is e2e/.
export default defineConfig({
  test: { name: "console", include: ["test/**/*.test.ts"] },
});
