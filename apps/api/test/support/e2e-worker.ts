// The worker the end-to-end tests run: the real worker process (queue, leases, logs, outputs,
// status changes) with an engine double at the ProvisioningEngine boundary, because the Pulumi
// CLI cannot be installed on CI. It prints Pulumi-like progress over a few seconds so the console's
// live log view has something to follow; stacks whose name contains "falha" fail with an engine error.
import { EngineError, type EngineRunInput, type ProvisioningEngine } from "@opus/provisioner/engine";
import { createWorkerServices } from "../../src/create-services.ts";
import { loadEnv } from "../../src/env/load-env.ts";
import { parseWorkerEnv } from "../../src/env/worker-env.ts";
import { runWorkerProcess } from "../../src/provisioning/run-worker-process.ts";

const STEP_MS = Number(process.env.E2E_ENGINE_STEP_MS ?? 400);
export const E2E_ENGINE_FAILURE =
  "error: opus:tenant:Database (db): error creating role: dial tcp 10.0.4.12:5432: connect: connection refused";

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      reject(new EngineError("cancelled", "The operation was cancelled before it finished."));
    });
  });

const scriptedEngine: ProvisioningEngine = {
  async run({ kind, stackName, spec, onLog, signal }: EngineRunInput) {
    const ns = stackName;
    const lines = [
      `${kind === "preview" ? "Previewing update" : "Updating"} (${stackName})`,
      `  + kubernetes:core/v1:Namespace ${ns} creating`,
      `  + kubernetes:networking.k8s.io/v1:NetworkPolicy ${ns}-default-deny creating`,
      `  + postgresql:index:Role ${ns}-db creating`,
      `  + rabbitmq:index:VHost ${ns}-vhost creating`,
      `  + kubernetes:helm.sh/v3:Release ${ns}-platform creating (${spec.release.chart} ${spec.release.version})`,
    ];
    for (const line of lines) {
      onLog(line);
      await sleep(STEP_MS, signal);
    }
    if (stackName.includes("falha")) throw new EngineError("failed", E2E_ENGINE_FAILURE);
    onLog("Resources: + 12 created");
    return {
      summary: kind === "preview" ? { create: 12 } : { create: 12 },
      outputs:
        kind === "preview"
          ? {}
          : {
              namespace: ns,
              databaseName: ns.replaceAll("-", "_"),
              queueVhost: ns,
              gatewayUrl: `https://${ns}.${spec.target.gatewayDomain}`,
            },
    };
  },
  async repair(_stackName, _spec, onLog) {
    onLog("repaired: pending operations cleared");
  },
};

const config = loadEnv(parseWorkerEnv);
runWorkerProcess(config, createWorkerServices(config, "e2e-worker"), scriptedEngine);
