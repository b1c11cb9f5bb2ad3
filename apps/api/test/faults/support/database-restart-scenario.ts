// The database stopped and started again under a running API and running workers: the project's
// embedded PostgreSQL on a private port and data folder (never the shared server), real API and
// worker processes, the timed engine double. While the database is away the API answers 503 and
// never 500; afterwards it answers again without a restart; runs that ended during the outage
// have their end recorded once, after it, and are not run again. Shared by the suite's test and
// `pnpm fault:database`.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type EmbeddedServer, startEmbeddedPostgres } from "@opus/db/embedded";
import superjson from "superjson";
import { signIn } from "../../support/http-sign-in.ts";
import { freePort, type RunningProcess, startProcess } from "./child-process.ts";
import { engineLedger } from "./engine-ledger.ts";
import {
  createFaultDatabase,
  endedCount,
  FAULT_AUTH_SECRET,
  type Outcomes,
  outcomesOf,
  queueOperations,
  waitUntil,
} from "./fault-database.ts";
import { stopAll } from "./sigkill-scenario.ts";
import { readEngineEvents } from "./timed-engine.ts";

export type DatabaseRestartOptions = {
  stacks: number;
  perStack: number;
  workers: number;
  outageMs: number;
  leaseSeconds: number;
  engineMs: [number, number];
  timeoutMs: number;
  say?: (line: string) => void;
};

export type DatabaseRestartFigures = {
  operations: number;
  outageMs: number;
  /** API answers while the database was down, by status (or "network" when no answer came). */
  duringOutage: Record<string, number>;
  /** From the restart to the API's first 200. */
  recoveryMs: number;
  /** Engine runs that ended while the database was down, and of those, how many ran again. */
  runsEndedDuringOutage: number;
  rerunsAfterOutage: number;
  /** Operations whose stored log lacks its last line (the worker's "succeeded"): lines lost in the outage. */
  logsWithoutEnd: number;
  /** Processes that exited during the run (must be 0: nothing needs a restart). */
  processExits: number;
  seconds: number;
  outcomes: Outcomes;
};

const PUBLIC_URL = "http://console.test";
const LIST_PATH = `/api/trpc/institutions.find?input=${encodeURIComponent(
  JSON.stringify(superjson.serialize({ sort: "legalName", direction: "asc", page: 1, pageSize: 25 })),
)}`;

export async function runDatabaseRestartScenario(options: DatabaseRestartOptions): Promise<DatabaseRestartFigures> {
  const say = options.say ?? (() => {});
  const dir = await mkdtemp(path.join(tmpdir(), "opus-fault-database-"));
  // PostgreSQL runs as its own user when the tests run as root (CI): it must reach its data folder.
  await chmod(dir, 0o777);
  const engineLog = path.join(dir, "engine.jsonl");
  const processLog = path.join(dir, "processes.log");
  const port = await freePort();
  const startDatabase = () => startEmbeddedPostgres({ dataDir: dir, port, database: "postgres", log: say });
  let server: EmbeddedServer | null = await startDatabase();
  const processes = new Set<RunningProcess>();
  let database: Awaited<ReturnType<typeof createFaultDatabase>> | null = null;
  try {
    database = await createFaultDatabase(server.url("postgres"));
    const apiPort = await freePort();
    const common = { DATABASE_URL: database.url, LOG_LEVEL: "info" };
    const api = startProcess(
      "src/server.ts",
      { ...common, API_PORT: String(apiPort), PUBLIC_URL, AUTH_SECRET: FAULT_AUTH_SECRET },
      processLog,
    );
    processes.add(api);
    const workers = Array.from({ length: options.workers }, () =>
      startProcess(
        "test/faults/support/fault-worker.ts",
        {
          ...common,
          WORKER_LEASE_SECONDS: String(options.leaseSeconds),
          WORKER_CONCURRENCY: "3",
          WORKER_POLL_MS: "100",
          WORKER_RETRY_BASE_SECONDS: "0.5",
          DRIFT_CHECK_MINUTES: "0",
          FAULT_ENGINE_LOG: engineLog,
          FAULT_ENGINE_MIN_MS: String(options.engineMs[0]),
          FAULT_ENGINE_MAX_MS: String(options.engineMs[1]),
        },
        processLog,
      ),
    );
    for (const worker of workers) processes.add(worker);
    await Promise.all([api.waitForOutput(/"API listening"/), ...workers.map((w) => w.waitForOutput(/"worker started"/))]);
    let exits = 0;
    for (const p of processes) void p.exited.then(() => processes.has(p) && exits++);
    const base = `http://127.0.0.1:${apiPort}`;
    const cookie = await signIn(base, PUBLIC_URL, "admin@opus.example");
    const list = async () => {
      try {
        return String((await fetch(base + LIST_PATH, { headers: { cookie } })).status);
      } catch {
        return "network";
      }
    };
    if ((await list()) !== "200") throw new Error("the API does not answer before the outage");

    const ids = await queueOperations(database.db, options.stacks, options.perStack);
    const started = Date.now();
    say(`${ids.length} operations queued; waiting for runs to be under way`);
    await waitUntil(
      async () => readEngineEvents(engineLog).filter((e) => e.call === "run" && e.phase === "start").length >= options.workers * 2,
      60_000,
      "runs to start",
    );

    // The pool of the test's own client would only log errors while the server is away.
    await database.db.$disconnect();
    const outageStart = Date.now();
    await server.stop();
    server = null;
    say("database stopped");
    const duringOutage: Record<string, number> = {};
    while (Date.now() - outageStart < options.outageMs) {
      const status = await list();
      duringOutage[status] = (duringOutage[status] ?? 0) + 1;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    server = await startDatabase();
    const outageEnd = Date.now();
    say(`database started again after ${outageEnd - outageStart} ms; answers meanwhile: ${JSON.stringify(duringOutage)}`);
    await waitUntil(async () => (await list()) === "200", 30_000, "the API to answer again");
    const recoveryMs = Date.now() - outageEnd;

    await waitUntil(
      async () => (await endedCount(database?.db ?? never(), ids)) === ids.length,
      options.timeoutMs,
      "every operation to end",
    );
    const seconds = (Date.now() - started) / 1000;
    const processExits = exits;
    await stopAll(processes);

    const events = readEngineEvents(engineLog);
    const ledger = engineLedger(events, []);
    const endedDuring = new Set(
      events.filter((e) => e.call === "run" && e.phase === "end" && e.at >= outageStart && e.at <= outageEnd).map((e) => e.op),
    );
    return {
      operations: ids.length,
      outageMs: outageEnd - outageStart,
      duringOutage,
      recoveryMs,
      runsEndedDuringOutage: endedDuring.size,
      rerunsAfterOutage: [...endedDuring].filter((op) => (ledger.completedRuns.get(op) ?? 0) > 1).length,
      processExits,
      logsWithoutEnd:
        ids.length -
        (
          await database.db.operationLog.groupBy({
            by: ["operationId"],
            where: { operationId: { in: ids }, line: "[control-plane] succeeded" },
          })
        ).length,
      seconds,
      outcomes: await outcomesOf(database.db, ids),
    };
  } finally {
    await stopAll(processes);
    await database?.db.$disconnect();
    await server?.stop();
    if (process.env.FAULT_KEEP_FILES) say(`files kept in ${dir}`);
    else await rm(dir, { recursive: true, force: true });
  }
}

function never(): never {
  throw new Error("no database");
}

export function describeDatabaseRestart(f: DatabaseRestartFigures): string {
  return [
    `operations=${f.operations} outage-ms=${f.outageMs} answers-during-outage=${JSON.stringify(f.duringOutage)} recovery-ms=${f.recoveryMs}`,
    `runs-ended-during-outage=${f.runsEndedDuringOutage} reruns=${f.rerunsAfterOutage} logs-without-end=${f.logsWithoutEnd} process-exits=${f.processExits}`,
    `duplicates=${f.outcomes.doubled.length} lost=${f.outcomes.lost.length} statuses=${JSON.stringify(f.outcomes.byStatus)} time=${f.seconds.toFixed(1)}s`,
  ].join("\n");
}
