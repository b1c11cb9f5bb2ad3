// The engine double, at exactly the ProvisioningEngine boundary (the Pulumi CLI cannot run on CI).
// Each run is scripted per test; every call is recorded with its timing, so tests can prove order
// (repair before run) and per-stack exclusion (no two runs of one stack overlap).
import {
  EngineError,
  type EngineErrorKind,
  type EngineRunInput,
  type EngineRunResult,
  type ProvisioningEngine,
} from "@opus/provisioner/engine";

export type EngineCall = { type: "run" | "repair"; stackName: string; kind?: string; previewOnly?: boolean; start: number; end?: number };
export type Script = (input: EngineRunInput, callIndex: number) => Promise<EngineRunResult>;

export class FakeEngine implements ProvisioningEngine {
  readonly calls: EngineCall[] = [];
  script: Script = async () => ok();
  repairScript: (stackName: string, onLog: (line: string) => void) => Promise<void> = async (_stack, onLog) => onLog("repaired");

  async run(input: EngineRunInput): Promise<EngineRunResult> {
    const call: EngineCall = { type: "run", stackName: input.stackName, kind: input.kind, start: performance.now() };
    if (input.previewOnly !== undefined) call.previewOnly = input.previewOnly;
    this.calls.push(call);
    try {
      return await this.script(input, this.calls.filter((c) => c.type === "run").length - 1);
    } finally {
      call.end = performance.now();
    }
  }

  async repair(stackName: string, _spec: unknown, onLog: (line: string) => void): Promise<void> {
    const call: EngineCall = { type: "repair", stackName, start: performance.now() };
    this.calls.push(call);
    try {
      await this.repairScript(stackName, onLog);
    } finally {
      call.end = performance.now();
    }
  }

  runs(): EngineCall[] {
    return this.calls.filter((c) => c.type === "run");
  }
}

export function ok(
  outputs: Record<string, unknown> = { namespace: "ns" },
  summary: EngineRunResult["summary"] = { create: 3 },
): EngineRunResult {
  return { summary, outputs };
}

export function engineError(kind: EngineErrorKind, message: string): EngineError {
  return new EngineError(kind, message);
}

/** Resolves when the signal aborts, then throws the engine's cancellation (as the real engine does). */
export function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_resolve, reject) => {
    const fail = () => reject(new EngineError("cancelled", "The operation was cancelled before it finished."));
    if (signal.aborted) fail();
    else signal.addEventListener("abort", fail, { once: true });
  });
}

export const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
