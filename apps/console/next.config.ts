// The browser talks to the console's own origin; Next.js forwards /api/* to the API so
// better-auth's session cookies stay first-party. Rewrites are compiled into the build
// (routes-manifest.json): set API_ORIGIN when running `next build`.
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { API_ORIGIN } from "./src/lib/server-env";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Workspace packages ship TypeScript source (@opus/rules: the rules shared with the API).
  transpilePackages: ["@opus/rules"],
  async rewrites() {
    return [{ source: "/api/:path*", destination: `${API_ORIGIN}/api/:path*` }];
  },
};

export default createNextIntlPlugin("./src/i18n/request.ts")(nextConfig);
