// One worker runtime, two queue transports. The runtime (operation-worker.ts, run-operation.ts)
// decides nothing about where operations live: it claims, prepares, heartbeats, logs and finishes
// through this interface. The database transport (db-transport.ts) is the control plane's own
// workers; the HTTP transport (agent/http-transport.ts) is the agent in a customer's cluster,
// whose /api/v1/agent routes call the very same queue functions on the server.
import type { Operation } from "@opus/db/generated";
import type { TenantEnvironmentSpec } from "@opus/provisioner/spec";
import type { Outcome } from "./finish-operation.ts";

/** What the runtime reads of a claimed operation. */
export type RunnableOperation = Pick<
  Operation,
  | "id"
  | "kind"
  | "stackName"
  | "environmentId"
  | "attempt"
  | "maxAttempts"
  | "error"
  | "cancelRequestedAt"
  | "previewOperationId"
  | "traceParent"
  | "requestId"
  | "startedAt"
  | "releaseVersion"
>;

export type ClaimedRun = { op: RunnableOperation; reclaimed: boolean };

/** The environment moved and the spec built (and recorded), or nothing to do. */
export type Prepared = { type: "run"; spec: TenantEnvironmentSpec; secrets: string[] } | { type: "nothing-to-destroy" };

export type LeaseState = "ok" | "cancel" | "lost";

export type QueueTransport = {
  /** An abandoned run first (its stack stays locked until someone finishes it), else the next due one. */
  claim(workerId: string): Promise<ClaimedRun | null>;
  /**
   * Checks the rules again, moves the environment, builds and records the spec. Throws
   * NotRetryableError (or AppError) for a refusal: the run fails at once with its message.
   */
  prepare(op: RunnableOperation, workerId: string): Promise<Prepared>;
  heartbeat(operationId: string, workerId: string): Promise<LeaseState>;
  /** False when the lease is lost: nothing was written. */
  appendLogs(operationId: string, workerId: string, lines: string[]): Promise<boolean>;
  /** Records the outcome, fenced on the lease (a lost lease writes nothing). */
  finish(op: RunnableOperation, workerId: string, outcome: Outcome): Promise<void>;
  /** Shutdown past its grace: hands every run this worker still owns over at once; how many. */
  releaseAll(workerId: string): Promise<number>;
};
