// Runs the agent in this process until SIGINT/SIGTERM: the control plane's own worker runtime,
// over the HTTP transport, with the engine in the customer's cluster. Shared by src/agent.ts and the
// tests' agent (which passes an engine double: the Pulumi CLI cannot run on CI).
import { hostname } from "node:os";
import path from "node:path";
import type { ProvisioningEngine } from "@opus/provisioner/engine";
import { Counter, Registry } from "prom-client";
import { systemClock } from "../domain/domain-context.ts";
import type { AgentEnv } from "../env/agent-env.ts";
import { createLogger, type Logger } from "../logger.ts";
import { DEFAULT_WORKER_OPTIONS } from "../provisioning/worker-deps.ts";
import { createWorkerRuntime } from "../provisioning/worker-runtime.ts";
import { type ControlPlaneClient, createControlPlaneClient } from "./control-plane-client.ts";
import { createHttpTransport } from "./http-transport.ts";
import { listenForReports } from "./report-listener.ts";
import { openReportOutbox } from "./report-outbox.ts";
import { openSeenNonces } from "./seen-nonces.ts";

export const AGENT_VERSION = "1.0.0";

/** `engine`: resolved only for run mode (report-only runs nothing). */
export async function runAgentProcess(env: AgentEnv, engine: () => Promise<ProvisioningEngine>) {
  const log = createLogger(env.LOG_LEVEL, "agent");
  const client = createControlPlaneClient({ baseUrl: env.CONTROL_PLANE_URL, key: env.AGENT_KEY, version: AGENT_VERSION, log });
  if (env.AGENT_MODE === "report-only") return runReportOnly(env, client, log);
  const { CONTROL_PLANE_PUBLIC_KEY: publicKey, AGENT_INSTITUTION_ID: institutionId, AGENT_CREDENTIALS_FILE: credentialsFile } = env;
  // The schema requires them in run mode; this only narrows their types.
  if (!publicKey || !institutionId || !credentialsFile)
    throw new Error("run mode needs CONTROL_PLANE_PUBLIC_KEY, AGENT_INSTITUTION_ID, AGENT_CREDENTIALS_FILE");
  const agentId = env.AGENT_ID ?? `${hostname()}-${process.pid}`;
  const maxAgeMs = env.AGENT_MAX_PAYLOAD_AGE_SECONDS * 1000;
  const now = () => systemClock.now();
  const transport = createHttpTransport({
    client,
    checks: { publicKey, institutionId, maxAgeMs, nonces: openSeenNonces(path.resolve(env.AGENT_STATE_DIR), maxAgeMs, now), now },
    credentialsFile,
    agentId,
    version: AGENT_VERSION,
    log,
  });
  const operations = new Counter({
    name: "opus_provisioning_operations_total",
    help: "Operations this agent finished, by kind and result.",
    labelNames: ["kind", "result"] as const,
    registers: [new Registry()],
  });
  const worker = createWorkerRuntime(
    { transport, engine: await engine(), clock: systemClock, log, metrics: { operations } },
    {
      ...DEFAULT_WORKER_OPTIONS,
      workerId: `agent:${institutionId}:${agentId}`,
      concurrency: env.AGENT_CONCURRENCY,
      heartbeatMs: env.AGENT_HEARTBEAT_MS,
      pollMs: env.AGENT_POLL_MS,
    },
  );
  worker.start();
  log.info({ agentId, controlPlane: env.CONTROL_PLANE_URL, institutionId }, "agent started");

  let stopping = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, "agent stopping: no new claims; running operations are handed back");
      void worker.stop().finally(() => process.exit(0));
    });
  }
}

/** Forwards the installation's reports from the in-cluster listener through the on-disk outbox. */
function runReportOnly(env: AgentEnv, client: ControlPlaneClient, log: Logger) {
  const outbox = openReportOutbox(path.resolve(env.AGENT_STATE_DIR), client, log);
  const stop = new AbortController();
  void outbox.run(stop.signal);
  const listener = listenForReports(env.AGENT_REPORT_PORT, outbox.add, log);
  log.info({ controlPlane: env.CONTROL_PLANE_URL, pending: outbox.pending() }, "agent started (report-only)");
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      // What is not sent yet stays on disk and goes first after the restart: no need to wait for
      // a delivery that may be retrying through an outage.
      stop.abort();
      listener.close(() => process.exit(0));
    });
  }
}
