// The control plane's queue transport: the operation table itself, through the queue functions.
// The agent routes (http/rest/agent-routes.ts) serve the same functions over HTTP.

import { isDatabaseUnavailable } from "../errors/database-errors.ts";
import type { Outcome } from "./finish-operation.ts";
import { finishOperation } from "./finish-operation.ts";
import { appendLogLines, CONTROL_PLANE, claimNext, heartbeat, type QueueRunner, reclaimStale, releaseOwned } from "./queue.ts";
import type { Prepared, QueueTransport, RunnableOperation } from "./queue-transport.ts";
import { buildRecordedSpec } from "./spec-recording.ts";
import { startOperation } from "./start-operation.ts";
import type { WorkerDeps } from "./worker-deps.ts";

type DbTransportDeps = Pick<WorkerDeps, "db" | "clock" | "log" | "cipher" | "config">;

/** Claims for `runner`: the agent routes claim for one institution's agent with the same statement. */
export async function claimRun(deps: Pick<WorkerDeps, "db" | "clock">, workerId: string, leaseMs: number, runner: QueueRunner) {
  const now = deps.clock.now();
  const claimed = (await reclaimStale(deps.db, workerId, now, leaseMs, runner)) ?? (await claimNext(deps.db, workerId, now, runner));
  if (!claimed) return null;
  const op = await deps.db.operation.findUniqueOrThrow({ where: { id: claimed.id } });
  return { op, reclaimed: claimed.reclaimed };
}

/**
 * Start of a run: a deploy that applies a preview is checked before it touches the environment's
 * status; then the environment moves; then the spec is built and recorded. `build` builds the
 * spec: the full one for the control plane's workers, the one without credentials for an agent.
 */
export async function prepareRun<T>(
  deps: Pick<WorkerDeps, "db" | "clock" | "log">,
  op: RunnableOperation,
  workerId: string,
  build: () => Promise<T>,
): Promise<T | "nothing-to-destroy"> {
  const early = op.previewOperationId ? await build() : null;
  if ((await startOperation(deps.db, deps.log, op, workerId, deps.clock.now())) === "nothing-to-destroy") return "nothing-to-destroy";
  return early ?? (await build());
}

export function createDbTransport(deps: DbTransportDeps, leaseMs: number): QueueTransport {
  return {
    claim: (workerId) => claimRun(deps, workerId, leaseMs, CONTROL_PLANE),
    async prepare(op, workerId): Promise<Prepared> {
      const built = await prepareRun(deps, op, workerId, () => buildRecordedSpec(deps, op, workerId));
      return built === "nothing-to-destroy" ? { type: built } : { type: "run", ...built };
    },
    heartbeat: (operationId, workerId) => heartbeat(deps.db, operationId, workerId, deps.clock.now()),
    appendLogs: (operationId, workerId, lines) => appendLogsDurably(deps, operationId, workerId, lines),
    finish: (op, workerId, outcome) => finishDurably(deps, op, workerId, outcome),
    releaseAll: (workerId) => releaseOwned(deps.db, workerId),
  };
}

/** Past this the operation is left to its lease (another worker repairs and runs it again). */
const FINISH_RETRY_FOR_MS = 10 * 60_000;

/**
 * Records the run's end, again and again while the database cannot be reached: the run's effect
 * has happened, and losing its record would run it a second time after the lease. Retrying is
 * safe because the write is fenced on the lease: once another worker owns the operation it does nothing.
 */
async function finishDurably(deps: DbTransportDeps, op: RunnableOperation, workerId: string, outcome: Outcome) {
  const deadline = Date.now() + FINISH_RETRY_FOR_MS;
  for (let wait = 200; ; wait = Math.min(wait * 2, 5_000)) {
    try {
      await finishOperation(deps.db, deps.log, op, workerId, outcome, deps.clock.now());
      return;
    } catch (error) {
      if (!isDatabaseUnavailable(error) || Date.now() > deadline) throw error;
      deps.log.warn({ err: error, operationId: op.id, retryInMs: wait }, "could not record how the run ended; retrying");
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

/**
 * While the database is away (a restart, a failover) log lines wait and are written once it is
 * back, in order; past about a minute they are given up (the sink logs that and the run goes on).
 */
async function appendLogsDurably(deps: DbTransportDeps, operationId: string, workerId: string, lines: string[]) {
  for (let wait = 200, waited = 0; ; waited += wait, wait = Math.min(wait * 2, 5_000)) {
    try {
      return await appendLogLines(deps.db, operationId, workerId, lines);
    } catch (error) {
      if (!isDatabaseUnavailable(error) || waited >= 60_000) throw error;
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
