// The engine double of the fault tests, at the ProvisioningEngine boundary: each run takes real time
// (so workers can be killed or the database stopped while it runs) and every call is appended to
// one JSON-lines file shared by all worker processes, so the test counts invocations of an operation
// across processes. One appendFileSync per event: a whole line, even from several processes at once.
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { EngineError, type OperationRef, type ProvisioningEngine } from "@opus/provisioner/engine";

export type EngineEvent = {
  call: "run" | "repair";
  phase: "start" | "end" | "aborted";
  op: string;
  attempt: number;
  stack: string;
  pid: number;
  at: number;
};

export type TimedEngineOptions = {
  logFile: string;
  minMs: number;
  maxMs: number;
  /** A run that does not notice the abort signal: what a hung engine does to a shutdown. */
  ignoreAbort?: boolean;
};

export function timedEngine(options: TimedEngineOptions): ProvisioningEngine {
  const record = (call: EngineEvent["call"], phase: EngineEvent["phase"], stack: string, operation: OperationRef) => {
    const event: EngineEvent = { call, phase, op: operation.id, attempt: operation.attempt, stack, pid: process.pid, at: Date.now() };
    appendFileSync(options.logFile, `${JSON.stringify(event)}\n`);
  };
  return {
    async run({ operation, stackName, onLog, signal }) {
      record("run", "start", stackName, operation);
      onLog(`Updating (${stackName})`);
      const ms = options.minMs + Math.random() * (options.maxMs - options.minMs);
      try {
        await wait(ms, options.ignoreAbort ? undefined : signal);
      } catch (error) {
        record("run", "aborted", stackName, operation);
        throw error;
      }
      onLog("Resources: + 3 created");
      record("run", "end", stackName, operation);
      return { summary: { create: 3 }, outputs: { namespace: stackName } };
    },
    async repair(stackName, _spec, onLog, operation) {
      record("repair", "start", stackName, operation);
      onLog("repaired: pending operations cleared");
      record("repair", "end", stackName, operation);
    },
  };
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(new EngineError("cancelled", "The operation was cancelled before it finished."));
      },
      { once: true },
    );
  });
}

export function readEngineEvents(logFile: string): EngineEvent[] {
  if (!existsSync(logFile)) return [];
  return readFileSync(logFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as EngineEvent);
}
