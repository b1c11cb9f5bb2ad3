// The boundary between the control plane's worker and the Pulumi engine. The worker depends only
// on this type; the real implementation drives the Automation API (pulumi-engine.ts), and tests use
// a double at exactly this boundary because the Pulumi CLI cannot run on CI machines.
import type { TenantEnvironmentSpec } from "./spec.ts";

export type OperationKind = "preview" | "up" | "refresh" | "destroy";

/** Resource change counts as Pulumi reports them, e.g. { create: 7, same: 2 }. */
export type ChangeSummary = Partial<Record<"create" | "update" | "delete" | "replace" | "same" | string, number>>;

/**
 * Which control-plane operation, and which attempt of it, a call belongs to: in log lines, and so
 * an engine double counts invocations across worker processes.
 */
export type OperationRef = { id: string; attempt: number };

export type EngineRunInput = {
  operation: OperationRef;
  kind: OperationKind;
  stackName: string;
  spec: TenantEnvironmentSpec;
  /** Each human-readable line the engine prints, as it prints it. */
  onLog: (line: string) => void;
  /** Aborts the running operation (cancellation, worker shutdown). */
  signal: AbortSignal;
  /** refresh only: report drift without writing state. */
  previewOnly?: boolean;
};

export type EngineRunResult = {
  summary: ChangeSummary;
  /** Non-secret outputs; secret outputs are never returned in plain text. */
  outputs: Record<string, unknown>;
  /** refresh with previewOnly: whether live state differs from the recorded state. */
  driftDetected?: boolean;
};

/**
 * Why an engine run failed, so the worker can decide what to do:
 * - `engine-missing`: CLI or plugin absent: fail at once, never retry;
 * - `concurrent`: another update holds the stack: wait, then retry (not counted as a failed attempt storm);
 * - `cancelled`: the signal fired;
 * - `failed`: the engine reported an error (its own text in `message`): retry with backoff.
 */
export type EngineErrorKind = "engine-missing" | "concurrent" | "cancelled" | "failed";

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  constructor(kind: EngineErrorKind, message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = "EngineError";
    this.kind = kind;
  }
}

export type ProvisioningEngine = {
  run(input: EngineRunInput): Promise<EngineRunResult>;
  /** Clears a lock or pending operations left by an interrupted run on this stack. */
  repair(stackName: string, spec: TenantEnvironmentSpec, onLog: (line: string) => void, operation: OperationRef): Promise<void>;
};
