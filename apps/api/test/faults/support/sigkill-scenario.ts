// SIGKILL at random moments: real worker processes drain a queue of operations while the scenario
// kills one of them now and then (and starts a replacement, as a Deployment would). Shared by the
// test in the suite (small) and `pnpm fault:sigkill` (100 operations).
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type RunningProcess, startProcess } from "./child-process.ts";
import { engineLedger, type Kill, percentile } from "./engine-ledger.ts";
import { createFaultDatabase, endedCount, type Outcomes, outcomesOf, queueOperations, waitUntil } from "./fault-database.ts";
import { readEngineEvents } from "./timed-engine.ts";

export type SigkillOptions = {
  serverUrl: string;
  stacks: number;
  perStack: number;
  workers: number;
  concurrency: number;
  leaseSeconds: number;
  kills: number;
  /** Random wait before each kill, in ms. */
  killEveryMs: [number, number];
  engineMs: [number, number];
  timeoutMs: number;
  say?: (line: string) => void;
};

export type SigkillFigures = {
  operations: number;
  workers: number;
  kills: number;
  /** Engine runs a kill cut off. */
  interruptedRuns: number;
  /** Attempts beyond the first: every takeover of a killed worker's operation. */
  reclaims: number;
  reclaimMsMedian: number;
  reclaimMsMax: number;
  /** Operations whose end was recorded more than once (must be 0), and that never ended (must be 0). */
  duplicates: number;
  lost: number;
  /** Pairs of engine calls of one stack that ran at once (must be 0). */
  stackOverlaps: number;
  /** Runs whose engine work completed again after a kill that came between its end and its record. */
  reappliedRuns: number;
  engineRuns: number;
  seconds: number;
  outcomes: Outcomes;
};

export async function runSigkillScenario(options: SigkillOptions): Promise<SigkillFigures> {
  const say = options.say ?? (() => {});
  const dir = await mkdtemp(path.join(tmpdir(), "opus-fault-sigkill-"));
  const engineLog = path.join(dir, "engine.jsonl");
  const processLog = path.join(dir, "processes.log");
  const database = await createFaultDatabase(options.serverUrl);
  const live = new Set<RunningProcess>();
  try {
    const ids = await queueOperations(database.db, options.stacks, options.perStack);
    const env = {
      DATABASE_URL: database.url,
      WORKER_LEASE_SECONDS: String(options.leaseSeconds),
      WORKER_CONCURRENCY: String(options.concurrency),
      WORKER_POLL_MS: "100",
      WORKER_RETRY_BASE_SECONDS: "0.2",
      DRIFT_CHECK_MINUTES: "0",
      LOG_LEVEL: "info",
      FAULT_ENGINE_LOG: engineLog,
      FAULT_ENGINE_MIN_MS: String(options.engineMs[0]),
      FAULT_ENGINE_MAX_MS: String(options.engineMs[1]),
    };
    const ready = new Set<RunningProcess>();
    const startWorker = () => {
      const worker = startProcess("test/faults/support/fault-worker.ts", env, processLog);
      live.add(worker);
      const up = worker.waitForOutput(/"worker started"/);
      void up.then(
        () => ready.add(worker),
        () => {},
      );
      return up;
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: options.workers }, () => startWorker()));
    say(`${ids.length} operations on ${options.stacks} stacks, ${options.workers} workers × ${options.concurrency} slots`);

    const kills: Kill[] = [];
    let done = false;
    const killing = (async () => {
      while (!done && kills.length < options.kills) {
        const [min, max] = options.killEveryMs;
        await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));
        // The moment is random; the victim is a worker with an engine run under way, so every
        // kill cuts off real work (a killed idle worker would prove nothing).
        // Only while another worker is up to take over: what is measured is the takeover, not a boot.
        const victim = await workerMidRun(ready, engineLog, () => done || ready.size < 2);
        if (!victim) continue;
        victim.child.kill("SIGKILL");
        kills.push({ pid: victim.pid, at: Date.now() });
        live.delete(victim);
        ready.delete(victim);
        await victim.exited;
        say(`kill ${kills.length}: SIGKILL worker ${victim.pid}; ${await endedCount(database.db, ids)}/${ids.length} ended`);
        void startWorker();
      }
    })();
    await waitUntil(async () => (await endedCount(database.db, ids)) === ids.length, options.timeoutMs, "every operation to end");
    const seconds = (Date.now() - started) / 1000;
    done = true;
    await killing;
    await stopAll(live);

    const ledger = engineLedger(readEngineEvents(engineLog), kills);
    const outcomes = await outcomesOf(database.db, ids);
    const reclaimMs = ledger.interrupted.flatMap((i) => (i.reclaimMs === null ? [] : [i.reclaimMs]));
    return {
      operations: ids.length,
      workers: options.workers,
      kills: kills.length,
      interruptedRuns: ledger.interrupted.length,
      reclaims: outcomes.extraAttempts,
      reclaimMsMedian: percentile(reclaimMs, 50),
      reclaimMsMax: Math.max(0, ...reclaimMs),
      duplicates: outcomes.doubled.length,
      lost: outcomes.lost.length,
      stackOverlaps: ledger.overlaps.length,
      reappliedRuns: [...ledger.completedRuns.values()].filter((n) => n > 1).length,
      engineRuns: ledger.invocations.filter((i) => i.call === "run").length,
      seconds,
      outcomes,
    };
  } finally {
    await stopAll(live);
    await database.drop();
    if (process.env.FAULT_KEEP_FILES) say(`files kept in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

async function workerMidRun(live: Set<RunningProcess>, engineLog: string, stop: () => boolean): Promise<RunningProcess | null> {
  while (!stop()) {
    const running = new Map<string, number>();
    for (const e of readEngineEvents(engineLog)) {
      if (e.call !== "run") continue;
      const key = `${e.pid}|${e.op}|${e.attempt}`;
      if (e.phase === "start") running.set(key, e.pid);
      else running.delete(key);
    }
    const busy = [...live].filter((p) => [...running.values()].includes(p.pid));
    const victim = busy[Math.floor(Math.random() * busy.length)];
    if (victim) return victim;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

export async function stopAll(processes: Set<RunningProcess>) {
  const all = [...processes];
  processes.clear();
  for (const p of all) p.child.kill("SIGTERM");
  await Promise.all(all.map((p) => p.exited));
}

export function describeSigkill(f: SigkillFigures): string {
  return [
    `operations=${f.operations} workers=${f.workers} kills=${f.kills} interrupted-runs=${f.interruptedRuns}`,
    `reclaims=${f.reclaims} reclaim-ms(median/max)=${f.reclaimMsMedian}/${f.reclaimMsMax}`,
    `duplicates=${f.duplicates} lost=${f.lost} stack-overlaps=${f.stackOverlaps} reapplied-runs=${f.reappliedRuns}`,
    `engine-runs=${f.engineRuns} statuses=${JSON.stringify(f.outcomes.byStatus)} time=${f.seconds.toFixed(1)}s`,
  ].join("\n");
}
