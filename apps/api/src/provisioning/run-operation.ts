// Runs one claimed operation to an outcome: heartbeat and cancellation watch, spec building,
// repair after a takeover, the engine run with live logs, then the decision what the failure
// means (retry with backoff, wait for a concurrent update, fail at once, cancel, release).
import type { EngineRunResult, OperationKind } from "@opus/provisioner/engine";
import type { TenantEnvironmentSpec } from "@opus/provisioner/spec";
import { withContinuedSpan } from "../observability/tracing.ts";
import { describeOutcome, outcomeOfError, type StopReason } from "./failure-policy.ts";
import type { Outcome } from "./finish-operation.ts";
import { watchLease } from "./lease-watch.ts";
import { createLogSink, type LogSink } from "./log-sink.ts";
import type { ClaimedRun, RunnableOperation } from "./queue-transport.ts";
import { createRedactor, type Redactor } from "./redact.ts";
import type { RuntimeDeps, WorkerOptions } from "./worker-deps.ts";

type Run = {
  deps: RuntimeDeps;
  options: WorkerOptions;
  op: RunnableOperation;
  claimed: ClaimedRun;
  sink: LogSink;
  redactor: Redactor;
  signal: AbortSignal;
};

export async function runOperation(
  deps: RuntimeDeps,
  options: WorkerOptions,
  claimed: ClaimedRun,
  shutdown: AbortSignal,
): Promise<Outcome["type"]> {
  const { op } = claimed;
  // One span per run, in the trace of the request that queued the operation.
  const attributes = { "opus.operation.id": op.id, "opus.operation.kind": op.kind, "opus.stack": op.stackName, "opus.attempt": op.attempt };
  return withContinuedSpan(`provisioning.operation ${op.kind}`, op.traceParent, attributes, async (span) => {
    const result = await runLoaded(deps, options, op, claimed, shutdown);
    span.setAttribute("opus.operation.outcome", result);
    return result;
  });
}

async function runLoaded(
  deps: RuntimeDeps,
  options: WorkerOptions,
  op: RunnableOperation,
  claimed: ClaimedRun,
  shutdown: AbortSignal,
): Promise<Outcome["type"]> {
  const redactor = createRedactor();
  const sink = createLogSink((lines) => deps.transport.appendLogs(op.id, options.workerId, lines), op.id, { redactor, log: deps.log });
  const abort = new AbortController();
  let reason: StopReason | null = null;
  const stop = (why: StopReason) => {
    if (reason) return;
    reason = why;
    abort.abort(why);
  };
  const onShutdown = () => stop("shutdown");
  shutdown.addEventListener("abort", onShutdown);
  if (shutdown.aborted) onShutdown();
  const watch = watchLease(deps, options, op.id, stop);

  let outcome: Outcome;
  try {
    outcome = await attempt({ deps, options, op, claimed, sink, redactor, signal: abort.signal });
    if (reason === "lost") outcome = { type: "lost" };
  } catch (error) {
    outcome = outcomeOfError(error, reason, op, deps.clock.now(), options, redactor.text);
  } finally {
    shutdown.removeEventListener("abort", onShutdown);
  }
  sink.write(`[control-plane] ${describeOutcome(outcome, options.workerId)}`);
  try {
    // Logs first: when the status turns final, the console already has every line.
    await sink.close();
    // The lease stays ours (heartbeats go on) until the end is recorded, however long the
    // queue (the database, or the control plane for an agent) takes to come back.
    await deps.transport.finish(op, options.workerId, outcome);
  } finally {
    watch.stop();
  }
  deps.metrics.operations.inc({ kind: op.kind, result: outcome.type });
  deps.log.info(
    { operationId: op.id, requestId: op.requestId, stack: op.stackName, kind: op.kind, attempt: op.attempt, outcome: outcome.type },
    "operation run ended",
  );
  return outcome.type;
}

async function attempt(run: Run): Promise<Outcome> {
  const { deps, options, op, claimed, sink } = run;
  const say = (line: string) => sink.write(`[control-plane] ${line}`);
  // Asked to cancel between its claim and now (a takeover repairs the stack first, below).
  if (op.cancelRequestedAt && !claimed.reclaimed) return { type: "cancelled", error: null };
  if (op.attempt > op.maxAttempts) {
    return {
      type: "failed",
      error: `Gave up after ${op.maxAttempts} attempts: the worker running it stopped responding.${op.error ? ` Last error: ${op.error}` : ""}`,
    };
  }
  const takeover = claimed.reclaimed ? ", taking over from a worker that stopped responding" : "";
  say(`${op.kind} ${op.stackName}: attempt ${op.attempt} of ${op.maxAttempts} on ${options.workerId}${takeover}`);

  // The rules again, the environment's move, the spec (checked against the preview a deploy applies).
  const prepared = await deps.transport.prepare(op, options.workerId);
  if (prepared.type === "nothing-to-destroy") {
    say("the environment was never provisioned: there is nothing to destroy");
    return { type: "succeeded", result: { summary: {}, outputs: {} }, spec: null };
  }
  const { spec, secrets } = prepared;
  run.redactor.add(secrets);

  if (claimed.reclaimed) {
    say("repairing the stack first: clearing the lock and pending operations the interrupted run left behind");
    await deps.engine.repair(op.stackName, spec, sink.write, { id: op.id, attempt: op.attempt });
    if (op.cancelRequestedAt) return { type: "cancelled", error: null };
  }
  run.signal.throwIfAborted();
  const result = await deps.engine.run({
    operation: { id: op.id, attempt: op.attempt },
    kind: op.kind.toLowerCase() as OperationKind,
    stackName: op.stackName,
    spec,
    onLog: sink.write,
    signal: run.signal,
    ...(op.kind === "REFRESH" ? { previewOnly: true } : {}),
  });
  return { type: "succeeded", result: scrub(result, run.redactor), spec: spec satisfies TenantEnvironmentSpec };
}

function scrub(result: EngineRunResult, redactor: Redactor): EngineRunResult {
  return { ...result, outputs: redactor.json(result.outputs) };
}
