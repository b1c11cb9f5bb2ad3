// The worker runtime, whatever its queue transport (the database's, or the agent's HTTP one):
// `concurrency` slots, each claiming and running one operation at a time. Stopping stops claiming and aborts running operations; each is then released (still RUNNING, without an owner)
// so another worker takes it over at once and repairs the stack before running it again. A run
// that does not stop within the grace period is handed over all the same: left owned, it would wait
// out a whole lease after the process is gone.
import { runOperation } from "./run-operation.ts";
import type { RuntimeDeps, WorkerOptions } from "./worker-deps.ts";

export type OperationWorker = {
  start(): void;
  /** Claims and runs one operation; false when nothing was runnable. (Tests drive workers with it.) */
  runNext(): Promise<boolean>;
  /** Resolves once every slot stopped or the grace ran out; the number of operations then handed over unfinished. */
  stop(): Promise<number>;
};

export function createWorkerRuntime(deps: RuntimeDeps, options: WorkerOptions): OperationWorker {
  const shutdown = new AbortController();
  const slots: Promise<void>[] = [];

  async function runNext(): Promise<boolean> {
    if (shutdown.signal.aborted) return false;
    const claimed = await deps.transport.claim(options.workerId);
    if (!claimed) return false;
    await runOperation(deps, options, claimed, shutdown.signal);
    return true;
  }

  async function slot(index: number) {
    while (!shutdown.signal.aborted) {
      try {
        if (!(await runNext())) await options.sleep(options.pollMs, shutdown.signal);
      } catch (error) {
        // A database hiccup must not kill the slot; an operation left RUNNING is taken over after its lease.
        deps.log.error({ err: error, slot: index, workerId: options.workerId }, "worker slot error");
        await options.sleep(options.pollMs, shutdown.signal);
      }
    }
  }

  return {
    start() {
      for (let i = 0; i < options.concurrency; i++) slots.push(slot(i));
    },
    runNext,
    async stop() {
      shutdown.abort();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, options.shutdownTimeoutMs);
      });
      const stopped = await Promise.race([Promise.all(slots).then(() => true), timeout.then(() => false)]);
      clearTimeout(timer);
      if (stopped) return 0;
      return deps.transport.releaseAll(options.workerId).catch((err: unknown) => {
        deps.log.error({ err, workerId: options.workerId }, "could not hand over running operations; they wait for their lease");
        return 0;
      });
    },
  };
}
