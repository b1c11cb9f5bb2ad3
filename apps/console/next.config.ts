// The browser talks to the console's own origin; Next.js forwards /api/* to the API so
// better-auth's session cookies stay first-party. Rewrites are compiled into the build
// (routes-manifest.json): set API_ORIGIN when running `next build` (the image sets the
// in-cluster API Service, see Dockerfile).
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { consoleEnv } from "./src/lib/server-env";

const { API_ORIGIN, CONSOLE_OUTPUT } = consoleEnv();

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // @opus/rules ships TypeScript sources (rules shared with the API): Next compiles them like its own.
  transpilePackages: ["@opus/rules"],
  // Compiled into the server's code too: pages fetch their first data from the API while rendering.
  env: { API_ORIGIN },
  // The container image's build: a self-contained server (.next/standalone) with only the files it
  // needs. Not by default, because `next start` (pnpm start, end-to-end tests) refuses to serve it.
  ...(CONSOLE_OUTPUT ? { output: CONSOLE_OUTPUT } : {}),
  async rewrites() {
    return [{ source: "/api/:path*", destination: `${API_ORIGIN}/api/:path*` }];
  },
};

export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig);
