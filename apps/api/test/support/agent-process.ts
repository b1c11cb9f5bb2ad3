// The agent the agent tests run: the real agent process (src/agent/run-agent-process.ts, HTTP
// transport, signature checks, local credentials) with an engine double at the ProvisioningEngine
// boundary. Each run prints a few lines over AGENT_ENGINE_STEP_MS each and, when it completes,
// appends one line to AGENT_EFFECTS_FILE: the tests count effects there (a run killed or cancelled
// part-way leaves none). It logs the kubeconfig it was given once, so tests can see it redacted.
import { appendFileSync } from "node:fs";
import { EngineError, type EngineRunInput, type ProvisioningEngine } from "@opus/provisioner/engine";
import { runAgentProcess } from "../../src/agent/run-agent-process.ts";
import { parseAgentEnv } from "../../src/env/agent-env.ts";
import { loadEnv } from "../../src/env/load-env.ts";

const STEP_MS = Number(process.env.AGENT_ENGINE_STEP_MS ?? 100);
const STEPS = Number(process.env.AGENT_ENGINE_STEPS ?? 3);
const EFFECTS = process.env.AGENT_EFFECTS_FILE ?? "/dev/null";

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new EngineError("cancelled", "The operation was cancelled before it finished."));
    });
  });

const engine: ProvisioningEngine = {
  async run({ kind, stackName, spec, onLog, signal }: EngineRunInput) {
    const started = Date.now();
    onLog(`Updating (${stackName}) on ${spec.target.cluster} with ${spec.target.kubeconfig}`);
    for (let i = 0; i < STEPS; i++) {
      onLog(`  step ${i + 1} of ${STEPS} (${kind})`);
      await sleep(STEP_MS, signal);
    }
    if (stackName.includes("falha")) throw new EngineError("failed", "error: opus:tenant:Database (db): connection refused");
    appendFileSync(EFFECTS, `${JSON.stringify({ stackName, kind, pid: process.pid, started, ended: Date.now() })}\n`);
    return { summary: { create: 4 }, outputs: { namespace: stackName } };
  },
  async repair(_stackName, _spec, onLog) {
    onLog("repaired: pending operations cleared");
  },
};

await runAgentProcess(loadEnv(parseAgentEnv), async () => engine);
