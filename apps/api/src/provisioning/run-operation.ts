// Runs one claimed operation to an outcome: heartbeat and cancellation watch, spec building,
// repair after a takeover, the engine run with live logs, then the decision what the failure
// means (retry with backoff, wait for a concurrent update, fail at once, cancel, release).
import type { Operation } from "@opus/db/generated";
import type { EngineRunResult, OperationKind } from "@opus/provisioner/engine";
import type { TenantEnvironmentSpec } from "@opus/provisioner/spec";
import { isDatabaseUnavailable } from "../errors/database-errors.ts";
import { withContinuedSpan } from "../observability/tracing.ts";
import { describeOutcome, outcomeOfError, type StopReason } from "./failure-policy.ts";
import { finishOperation, type Outcome } from "./finish-operation.ts";
import { watchLease } from "./lease-watch.ts";
import { createLogSink, type LogSink } from "./log-sink.ts";
import type { Claimed } from "./queue.ts";
import { createRedactor, type Redactor } from "./redact.ts";
import type { BuiltSpec } from "./spec-builder.ts";
import { buildRecordedSpec } from "./spec-recording.ts";
import { startOperation } from "./start-operation.ts";
import type { WorkerDeps, WorkerOptions } from "./worker-deps.ts";

type Run = {
  deps: WorkerDeps;
  options: WorkerOptions;
  op: Operation;
  claimed: Claimed;
  sink: LogSink;
  redactor: Redactor;
  signal: AbortSignal;
};

export async function runOperation(
  deps: WorkerDeps,
  options: WorkerOptions,
  claimed: Claimed,
  shutdown: AbortSignal,
): Promise<Outcome["type"]> {
  const op = await deps.db.operation.findUniqueOrThrow({ where: { id: claimed.id } });
  // One span per run, in the trace of the request that queued the operation.
  const attributes = { "opus.operation.id": op.id, "opus.operation.kind": op.kind, "opus.stack": op.stackName, "opus.attempt": op.attempt };
  return withContinuedSpan(`provisioning.operation ${op.kind}`, op.traceParent, attributes, async (span) => {
    const result = await runLoaded(deps, options, op, claimed, shutdown);
    span.setAttribute("opus.operation.outcome", result);
    return result;
  });
}

async function runLoaded(
  deps: WorkerDeps,
  options: WorkerOptions,
  op: Operation,
  claimed: Claimed,
  shutdown: AbortSignal,
): Promise<Outcome["type"]> {
  const redactor = createRedactor();
  const sink = createLogSink(deps.db, op.id, { redactor, log: deps.log });
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
    // database takes to come back.
    await finishDurably(deps, options, op, outcome);
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

/**
 * Records the run's end, again and again while the database cannot be reached: the run's effect
 * has happened, and losing its record would run it a second time after the lease. Retrying is
 * safe because the write is fenced on the lease: once another worker owns the operation it does nothing.
 */
async function finishDurably(deps: WorkerDeps, options: WorkerOptions, op: Operation, outcome: Outcome) {
  const deadline = Date.now() + FINISH_RETRY_FOR_MS;
  for (let wait = 200; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      return await finishOperation(deps.db, deps.log, op, options.workerId, outcome, deps.clock.now());
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() > deadline) throw error;
      deps.log.warn({ err: error, operationId: op.id, retryInMs: wait }, "could not record how the run ended; retrying");
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/** Past this the operation is left to its lease (another worker repairs and runs it again). */
const FINISH_RETRY_FOR_MS = 10 * 60_000;

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

  // A deploy that applies a preview is checked before it touches the environment's status.
  const early: BuiltSpec | null = op.previewOperationId ? await buildRecordedSpec(deps, op, options.workerId) : null;
  if ((await startOperation(deps.db, deps.log, op, options.workerId, deps.clock.now())) === "nothing-to-destroy") {
    say("the environment was never provisioned: there is nothing to destroy");
    return { type: "succeeded", result: { summary: {}, outputs: {} }, spec: null };
  }
  const { spec, secrets } = early ?? (await buildRecordedSpec(deps, op, options.workerId));
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
