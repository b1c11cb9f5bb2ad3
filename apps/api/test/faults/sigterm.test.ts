// SIGTERM, as Kubernetes sends it, to real processes: the API answers what is in flight before it
// disconnects the database; the worker stops its runs and hands them back at once, and a run that
// will not stop within WORKER_SHUTDOWN_GRACE_SECONDS is handed over anyway instead of waiting out
// its lease under a dead owner.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reclaimStale } from "../../src/provisioning/queue.ts";
import { signIn } from "../support/http-sign-in.ts";
import { serverUrl } from "../support/test-services.ts";
import { freePort, startProcess } from "./support/child-process.ts";
import { createFaultDatabase, FAULT_AUTH_SECRET, queueOperations, waitUntil } from "./support/fault-database.ts";
import { readEngineEvents } from "./support/timed-engine.ts";

let database: Awaited<ReturnType<typeof createFaultDatabase>>;
let dir: string;
beforeAll(async () => {
  database = await createFaultDatabase(serverUrl());
  dir = await mkdtemp(path.join(tmpdir(), "opus-fault-sigterm-"));
});
afterAll(async () => {
  await database.drop();
  await rm(dir, { recursive: true, force: true });
});

function startWorker(name: string, extra: Record<string, string>) {
  const engineLog = path.join(dir, `${name}.jsonl`);
  const worker = startProcess(
    "test/faults/support/fault-worker.ts",
    {
      DATABASE_URL: database.url,
      WORKER_LEASE_SECONDS: "60",
      WORKER_POLL_MS: "100",
      DRIFT_CHECK_MINUTES: "0",
      LOG_LEVEL: "info",
      FAULT_ENGINE_LOG: engineLog,
      FAULT_ENGINE_MIN_MS: "60000",
      FAULT_ENGINE_MAX_MS: "60000",
      ...extra,
    },
    path.join(dir, "processes.log"),
  );
  const running = () => readEngineEvents(engineLog).some((e) => e.call === "run" && e.phase === "start");
  return { worker, running };
}

async function operationRow(id: string) {
  return database.db.operation.findUniqueOrThrow({
    where: { id },
    select: { status: true, lockedBy: true, heartbeatAt: true, attempt: true },
  });
}

describe("worker", () => {
  it("stops a run that heeds the signal and hands it back at once, its attempt not spent", async () => {
    const [id] = await queueOperations(database.db, 1, 1);
    const { worker, running } = startWorker("heeds", { WORKER_SHUTDOWN_GRACE_SECONDS: "30" });
    await waitUntil(async () => running(), 60_000, "the run to start");
    const signalled = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(await operationRow(id ?? "")).toMatchObject({ status: "RUNNING", lockedBy: null, heartbeatAt: null, attempt: 0 });
    expect(worker.output()).not.toMatch(/Unknown transaction status|"level":50/);
    await database.db.operation.update({ where: { id }, data: { status: "CANCELLED" } });
  }, 90_000);

  it("hands over a run that ignores the signal when the grace runs out, instead of leaving it to the lease", async () => {
    const [id] = await queueOperations(database.db, 1, 1);
    const { worker, running } = startWorker("ignores", { WORKER_SHUTDOWN_GRACE_SECONDS: "1", FAULT_ENGINE_IGNORE_ABORT: "1" });
    await waitUntil(async () => running(), 60_000, "the run to start");
    const signalled = Date.now();
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toEqual({ code: 0, signal: null });
    const took = Date.now() - signalled;
    expect(took).toBeGreaterThanOrEqual(1_000);
    expect(took).toBeLessThan(10_000);
    expect(worker.output()).toContain("shutdown grace ran out; operations handed over unfinished");
    // No owner: the next worker takes it over now, not after the 60 s lease.
    expect(await operationRow(id ?? "")).toMatchObject({ status: "RUNNING", lockedBy: null });
    expect(await reclaimStale(database.db, "next-worker", new Date(), 60_000)).toEqual({ id, reclaimed: true });
    await database.db.operation.update({ where: { id }, data: { status: "CANCELLED" } });
  }, 90_000);
});

describe("API", () => {
  it("answers every request in flight at SIGTERM, then disconnects and exits cleanly", async () => {
    const port = await freePort();
    const api = startProcess(
      "src/server.ts",
      {
        DATABASE_URL: database.url,
        API_PORT: String(port),
        PUBLIC_URL: "http://console.test",
        AUTH_SECRET: FAULT_AUTH_SECRET,
        SHUTDOWN_GRACE_SECONDS: "15",
        LOG_LEVEL: "info",
      },
      path.join(dir, "processes.log"),
    );
    await api.waitForOutput(/"API listening"/);
    const base = `http://127.0.0.1:${port}`;
    const cookie = await signIn(base, "http://console.test", "admin@opus.example");
    const list = `${base}/api/trpc/institutions.find?input=${encodeURIComponent(
      JSON.stringify(superjson.serialize({ sort: "legalName", direction: "asc", page: 1, pageSize: 25 })),
    )}`;
    // Twenty clients asking again as soon as they are answered, so requests are in flight whenever
    // the signal comes (a fixed burst can be all answered first: a warm list is one statement).
    const statuses: string[] = [];
    let exited = false;
    const client = async () => {
      while (!exited) {
        statuses.push(
          await fetch(list, { headers: { cookie } }).then(
            async (res) => {
              await res.arrayBuffer();
              return String(res.status);
            },
            () => "not accepted",
          ),
        );
      }
    };
    const clients = Array.from({ length: 20 }, client);
    await new Promise((resolve) => setTimeout(resolve, 300));
    api.child.kill("SIGTERM");
    expect(await api.exited).toEqual({ code: 0, signal: null });
    exited = true;
    await Promise.all(clients);
    const shutdown = api
      .output()
      .split("\n")
      .map((line) => (line.startsWith("{") ? (JSON.parse(line) as { msg?: string; inFlight?: number }) : {}))
      .find((entry) => entry.msg === "API shutting down");
    // Requests were being served when the signal came, and every one of them was answered.
    expect(shutdown?.inFlight).toBeGreaterThan(0);
    expect(statuses.filter((s) => s === "200").length).toBeGreaterThanOrEqual(shutdown?.inFlight ?? 1);
    expect(statuses.filter((s) => s !== "200" && s !== "not accepted")).toEqual([]);
    expect(api.output()).not.toMatch(/Unknown transaction status|"level":50/);
  }, 90_000);
});
