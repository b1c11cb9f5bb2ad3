# syntax=docker/dockerfile:1
# The console image: Next.js' standalone server (apps/console), which holds only the files it
# needs. Build from the repository root:
#
#   docker build -f docker/console.Dockerfile -t registry.opus.io/control-plane/console:<version> .

# ── Build ─────────────────────────────────────────────────────────────────────────────────────
FROM node:20.20.2-bookworm-slim AS build
ENV CI=true PNPM_HOME=/pnpm NEXT_TELEMETRY_DISABLED=1
RUN npm install -g pnpm@12.21.0
WORKDIR /app
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
# Rewrites of /api/* are compiled into the build: in the cluster they go to the API's Service
# (pulumi/control-plane names it opus-api, port 4000). The Ingress sends /api there directly, too.
ARG API_ORIGIN=http://opus-api:4000
# The console type-checks against the API's router types, so the API's sources and the generated
# Prisma client are part of the build (not of the image).
RUN pnpm install --offline --frozen-lockfile --ignore-scripts --filter "@opus/console..." \
 && pnpm --filter @opus/db generate \
 && CONSOLE_OUTPUT=standalone API_ORIGIN="$API_ORIGIN" pnpm --filter @opus/console build

# ── Runtime ───────────────────────────────────────────────────────────────────────────────────
FROM node:20.20.2-bookworm-slim
# Idle connections are kept longer than a load balancer's idle timeout (60 s), as the API does: with
# Node's default 5 s the server closes connections a client or proxy is about to reuse (ECONNRESET).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 HOSTNAME=0.0.0.0 KEEP_ALIVE_TIMEOUT=65000
WORKDIR /app
# The standalone output mirrors the workspace (apps/console/server.js); static assets are served
# from beside it and are not copied by Next itself.
COPY --from=build --chown=node:node /app/apps/console/.next/standalone ./
COPY --from=build --chown=node:node /app/apps/console/.next/static ./apps/console/.next/static
# The unprivileged user of the Node.js image (uid 1000, as pulumi/control-plane/pod-security.ts expects).
USER node
EXPOSE 3000
CMD ["node", "apps/console/server.js"]
