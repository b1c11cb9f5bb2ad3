// While an operation runs: heartbeats on a timer (never two at once), and turns a cancel request
// or a lost lease into an abort of the run.
import type { StopReason } from "./failure-policy.ts";
import type { RuntimeDeps, WorkerOptions } from "./worker-deps.ts";

export function watchLease(deps: RuntimeDeps, options: WorkerOptions, operationId: string, stop: (why: StopReason) => void) {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = async () => {
    const state = await deps.transport.heartbeat(operationId, options.workerId).catch((error: unknown) => {
      // One failed heartbeat is not a lost lease; several in a row let the lease expire, as they should.
      deps.log.warn({ err: error, operationId }, "heartbeat failed");
      return "ok" as const;
    });
    if (state === "cancel") stop("cancel");
    if (state === "lost") stop("lost");
    if (!stopped) timer = setTimeout(tick, options.heartbeatMs);
  };
  timer = setTimeout(tick, options.heartbeatMs);
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
