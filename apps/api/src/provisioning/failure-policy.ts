// What a failed run means for its operation. The engine's error kind decides: a missing engine or
// bad configuration fails at once (no retry storm), a concurrent update waits without spending
// attempts (for a bounded time), anything else is retried with full-jitter backoff until
// maxAttempts, then fails with the engine's own text.
import type { Operation } from "@opus/db/generated";
import { EngineError } from "@opus/provisioner/engine";
import { AppError } from "../errors/app-error.ts";
import { isDatabaseUnavailable } from "../errors/database-errors.ts";
import { fullJitterDelayMs } from "./backoff.ts";
import type { Outcome } from "./finish-operation.ts";
import { NotRetryableError } from "./not-retryable.ts";
import type { WorkerOptions } from "./worker-deps.ts";

/** Why this worker aborted the run itself, if it did. */
export type StopReason = "cancel" | "shutdown" | "lost";

export function outcomeOfError(
  error: unknown,
  reason: StopReason | null,
  op: Pick<Operation, "attempt" | "maxAttempts" | "startedAt">,
  now: Date,
  options: Pick<WorkerOptions, "retry" | "concurrent" | "random">,
  redact: (text: string) => string,
): Outcome {
  if (reason === "lost") return { type: "lost" };
  if (reason === "shutdown") return { type: "released" };
  const text = redact(error instanceof Error ? error.message : String(error));
  const kind = error instanceof EngineError ? error.kind : null;
  if (reason === "cancel" || kind === "cancelled") return { type: "cancelled", error: reason === "cancel" ? null : text };
  // Retrying cannot install a CLI or fix configuration: fail now, with the message that says what to do.
  if (kind === "engine-missing" || error instanceof NotRetryableError || error instanceof AppError) return { type: "failed", error: text };

  // The database went away mid-run (the run never got to the engine's end, or this is how its
  // start failed): nothing about the operation is wrong, so try again soon without spending an attempt.
  if (!(error instanceof EngineError) && isDatabaseUnavailable(error)) {
    const delay = options.retry.baseMs * (0.5 + options.random() / 2);
    return { type: "retry", error: text, runAfter: new Date(now.getTime() + delay), countsAsAttempt: false };
  }
  if (kind === "concurrent") {
    const waited = now.getTime() - (op.startedAt ?? now).getTime();
    if (waited < options.concurrent.maxWaitMs) {
      // Someone else's update holds the stack and will finish. Wait about delayMs (jittered so
      // waiters do not come back together) without counting it as a failed attempt.
      const delay = options.concurrent.delayMs * (0.5 + options.random() / 2);
      return { type: "retry", error: text, runAfter: new Date(now.getTime() + delay), countsAsAttempt: false };
    }
  }
  if (op.attempt < op.maxAttempts) {
    const delay = fullJitterDelayMs(options.retry, op.attempt, options.random);
    return { type: "retry", error: text, runAfter: new Date(now.getTime() + delay), countsAsAttempt: true };
  }
  return { type: "failed", error: text };
}

/** The last line the worker adds to the operation's log. */
export function describeOutcome(outcome: Outcome, workerId: string): string {
  switch (outcome.type) {
    case "succeeded":
      return "succeeded";
    case "failed":
      return `failed, not retrying: ${outcome.error}`;
    case "retry": {
      const why = outcome.countsAsAttempt ? "failed" : "the stack is busy with another update";
      return `${why}; trying again after ${outcome.runAfter.toISOString()}: ${outcome.error}`;
    }
    case "cancelled":
      return "cancelled";
    case "released":
      return `worker ${workerId} is shutting down; another worker will repair the stack and continue`;
    case "lost":
      return `worker ${workerId} lost its lease; another worker took over`;
  }
}
