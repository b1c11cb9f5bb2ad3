# syntax=docker/dockerfile:1
# The agent's image: the outbound-only agent of a managed account or a self-managed installation
# (README, "The agent"), for the customer's cluster. It holds the output of
# `pnpm --filter @opus/api build:agent` (dist/agent: src/agent.ts bundled, plus the tenant program's
# Pulumi SDKs), the Pulumi CLI and the tenant program's provider plugins, and nothing of the API
# server, the console or the database client. Deployed by deploy/charts/opus-agent.
#
#   docker build -f docker/agent.Dockerfile \
#     --build-arg PULUMI_SHA256=… --build-arg KUBERNETES_PLUGIN_SHA256=… \
#     --build-arg POSTGRESQL_PLUGIN_SHA256=… --build-arg RABBITMQ_PLUGIN_SHA256=… \
#     --build-arg RANDOM_PLUGIN_SHA256=… -t registry.opus.io/control-plane/agent:<version> .
#
# Versions are pinned here, as in docker/api.Dockerfile, and checked against the repository by
# packages/provisioner/test/container-images.test.ts. Checksums have no default: take them from each
# release's published SHA-256 sums, so no archive is ever installed unverified.

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
# The plugins land in a template of PULUMI_HOME: the chart copies it into a writable volume, so the
# root filesystem stays read-only while Pulumi writes its workspace and lock files.
ENV PULUMI_HOME=/opt/pulumi/home PULUMI_SKIP_UPDATE_CHECK=true
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

# ── The agent bundle ──────────────────────────────────────────────────────────────────────────
FROM node:20.20.2-bookworm-slim AS build
ENV CI=true PNPM_HOME=/pnpm
RUN npm install -g pnpm@12.21.0
WORKDIR /app
# The lockfile alone decides what is fetched, so this layer survives source changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch
COPY . .
# No install scripts: esbuild's binary comes as its platform package. build:agent bundles
# src/agent.ts and `pnpm deploy`s packages/provisioner's production dependencies beside it.
RUN pnpm install --offline --frozen-lockfile --ignore-scripts --filter "@opus/api..." \
 && pnpm --filter @opus/api build:agent

# ── Runtime ───────────────────────────────────────────────────────────────────────────────────
FROM node:20.20.2-bookworm-slim
# PULUMI_HOME is the chart's writable volume (filled from /opt/pulumi/home by its init container).
ENV NODE_ENV=production \
    PULUMI_HOME=/var/lib/opus-agent/pulumi-home \
    PULUMI_CLI_ROOT=/opt/pulumi \
    PULUMI_SKIP_UPDATE_CHECK=true \
    AGENT_STATE_DIR=/var/lib/opus-agent \
    PATH=/opt/pulumi/bin:$PATH
# Owned by root and read-only for the agent: it writes only to its volumes.
COPY --from=pulumi /opt/pulumi /opt/pulumi
COPY --from=build /app/apps/api/dist/agent /app
WORKDIR /app
# The unprivileged user of the Node.js image (uid 1000, as the chart's securityContext expects).
USER node
# Nothing listens in run mode; report-only mode's in-cluster listener (AGENT_REPORT_PORT).
EXPOSE 9470
CMD ["node", "--enable-source-maps", "agent.js"]
