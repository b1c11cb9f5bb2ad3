// A control-plane worker: the worker runtime (worker-runtime.ts) over the database transport. Kept
// apart from the runtime so the agent, which has no database, does not load the database queue.
import { createDbTransport } from "./db-transport.ts";
import type { WorkerDeps, WorkerOptions } from "./worker-deps.ts";
import { createWorkerRuntime, type OperationWorker } from "./worker-runtime.ts";

export type { OperationWorker } from "./worker-runtime.ts";

/** A control-plane worker: the runtime over the database transport. */
export function createOperationWorker(deps: WorkerDeps, options: WorkerOptions): OperationWorker {
  const { engine, clock, log, metrics } = deps;
  return createWorkerRuntime({ transport: createDbTransport(deps, options.leaseMs), engine, clock, log, metrics }, options);
}
