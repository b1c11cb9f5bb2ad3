// Runs the agent in this process until SIGINT/SIGTERM: the control plane's own worker runtime,
// over the HTTP transport, with the engine in the customer's cluster. Shared by src/agent.ts and the
// tests' agent (which passes an engine double: the Pulumi CLI cannot run on CI).
import { hostname } from "node:os";
import path from "node:path";
import type { ProvisioningEngine } from "@opus/provisioner/engine";
import { Counter, Registry } from "prom-client";
import type { AgentEnv } from "../env/agent-env.ts";
import { createLogger } from "../logger.ts";
import { createWorkerRuntime } from "../provisioning/operation-worker.ts";
import { DEFAULT_WORKER_OPTIONS } from "../provisioning/worker-deps.ts";
import { systemClock } from "../services.ts";
import { createControlPlaneClient } from "./control-plane-client.ts";
import { createHttpTransport } from "./http-transport.ts";
import { openSeenNonces } from "./seen-nonces.ts";

export const AGENT_VERSION = "1.0.0";

export function runAgentProcess(env: AgentEnv, engine: ProvisioningEngine) {
  const log = createLogger(env.LOG_LEVEL, "agent");
  const agentId = env.AGENT_ID ?? `${hostname()}-${process.pid}`;
  const maxAgeMs = env.AGENT_MAX_PAYLOAD_AGE_SECONDS * 1000;
  const now = () => systemClock.now();
  const transport = createHttpTransport({
    client: createControlPlaneClient({ baseUrl: env.CONTROL_PLANE_URL, key: env.AGENT_KEY, version: AGENT_VERSION, log }),
    checks: {
      publicKey: env.CONTROL_PLANE_PUBLIC_KEY,
      institutionId: env.AGENT_INSTITUTION_ID,
      maxAgeMs,
      nonces: openSeenNonces(path.resolve(env.AGENT_STATE_DIR), maxAgeMs, now),
      now,
    },
    credentialsFile: env.AGENT_CREDENTIALS_FILE,
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
    { transport, engine, clock: systemClock, log, metrics: { operations } },
    {
      ...DEFAULT_WORKER_OPTIONS,
      workerId: `agent:${env.AGENT_INSTITUTION_ID}:${agentId}`,
      concurrency: env.AGENT_CONCURRENCY,
      heartbeatMs: env.AGENT_HEARTBEAT_MS,
      pollMs: env.AGENT_POLL_MS,
    },
  );
  worker.start();
  log.info({ agentId, controlPlane: env.CONTROL_PLANE_URL, institutionId: env.AGENT_INSTITUTION_ID }, "agent started");

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
