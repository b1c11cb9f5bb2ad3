// What a worker is built from. Timing and randomness are injectable so tests run retries, leases
// and backoff without waiting for them.
import type { Db } from "@opus/db/client";
import type { ProvisioningEngine } from "@opus/provisioner/engine";
import type { Clock } from "../domain/domain-context.ts";
import { abortableSleep } from "../lib/abortable-sleep.ts";
import type { CredentialsOpener } from "../lib/credentials-envelope.ts";
import type { Logger } from "../logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import type { BackoffPolicy } from "./backoff.ts";
import type { ProvisioningConfig } from "./provisioning-config.ts";
import type { QueueTransport } from "./queue-transport.ts";

export type WorkerDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  metrics: Metrics;
  cipher: CredentialsOpener;
  engine: ProvisioningEngine;
  config: ProvisioningConfig;
};

/** What the worker runtime runs on: a queue transport, an engine, time, a log and a counter. */
export type RuntimeDeps = {
  transport: QueueTransport;
  engine: ProvisioningEngine;
  clock: Clock;
  log: Logger;
  metrics: { operations: Pick<Metrics["operations"], "inc"> };
};

export type WorkerOptions = {
  workerId: string;
  /** Operations this worker runs at once. */
  concurrency: number;
  /** A RUNNING operation without a heartbeat for this long is taken over by another worker. */
  leaseMs: number;
  /** Heartbeat and cancellation check interval of a running operation. */
  heartbeatMs: number;
  /** Idle wait between two empty claims. */
  pollMs: number;
  retry: BackoffPolicy;
  /** Another update holds the stack: wait about `delayMs`, without counting attempts, for at most `maxWaitMs`. */
  concurrent: { delayMs: number; maxWaitMs: number };
  /** How long a shutdown waits for aborted runs to stop before handing them over unfinished. */
  shutdownTimeoutMs: number;
  random: () => number;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
};

export const DEFAULT_WORKER_OPTIONS: Omit<WorkerOptions, "workerId"> = {
  concurrency: 2,
  leaseMs: 60_000,
  heartbeatMs: 2_000,
  pollMs: 1_000,
  retry: { baseMs: 15_000, capMs: 15 * 60_000 },
  concurrent: { delayMs: 30_000, maxWaitMs: 30 * 60_000 },
  shutdownTimeoutMs: 270_000,
  random: Math.random,
  sleep: abortableSleep,
};
