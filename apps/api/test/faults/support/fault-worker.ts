// A real worker process (src/worker.ts without the Pulumi engine) for the fault tests: the queue,
// leases, heartbeats, logs and finishing writes are the production code; the engine is the timed
// double. FAULT_ENGINE_LOG names the shared events file; FAULT_ENGINE_MIN_MS/MAX_MS how long a run takes.
import { createWorkerServices } from "../../../src/create-services.ts";
import { loadEnv } from "../../../src/env/load-env.ts";
import { parseWorkerEnv } from "../../../src/env/worker-env.ts";
import { runWorkerProcess } from "../../../src/provisioning/run-worker-process.ts";
import { timedEngine } from "./timed-engine.ts";

const logFile = process.env.FAULT_ENGINE_LOG;
if (!logFile) throw new Error("FAULT_ENGINE_LOG must name the engine events file");
const engine = timedEngine({
  logFile,
  minMs: Number(process.env.FAULT_ENGINE_MIN_MS ?? 300),
  maxMs: Number(process.env.FAULT_ENGINE_MAX_MS ?? 1_500),
  ignoreAbort: process.env.FAULT_ENGINE_IGNORE_ABORT === "1",
});
const config = loadEnv(parseWorkerEnv);
runWorkerProcess(config, createWorkerServices(config, "fault-worker"), engine);
