// Workers killed with SIGKILL at random moments while they run operations (real worker processes,
// real PostgreSQL, the engine double at the Pulumi boundary): every operation ends once, none is
// lost, no stack ever runs two engine calls at once, and a killed worker's operation is picked up
// within about one lease. `pnpm fault:sigkill` runs the same with 100 operations.
import { expect, it } from "vitest";
import { serverUrl } from "../support/test-services.ts";
import { describeSigkill, runSigkillScenario } from "./support/sigkill-scenario.ts";

const LEASE_SECONDS = 5;
const ENGINE_MAX_MS = 1_500;

it("SIGKILLed workers lose no operation and run none twice; takeover within about one lease", async () => {
  const figures = await runSigkillScenario({
    serverUrl: serverUrl(),
    stacks: 5,
    perStack: 3,
    workers: 3,
    concurrency: 2,
    leaseSeconds: LEASE_SECONDS,
    kills: 2,
    killEveryMs: [500, 2_000],
    engineMs: [400, ENGINE_MAX_MS],
    timeoutMs: 90_000,
  });
  console.log(`[fault:sigkill, small]\n${describeSigkill(figures)}`);
  expect(figures.kills).toBe(2);
  expect(figures.lost).toBe(0);
  expect(figures.duplicates).toBe(0);
  expect(figures.outcomes.failedWithoutReason).toEqual([]);
  expect(figures.stackOverlaps).toBe(0);
  expect(figures.interruptedRuns).toBeGreaterThanOrEqual(2);
  // A killed worker's operations wait out its lease, then the next slot to free up takes them
  // over: at most a lease, one engine run and a poll (plus slack for a loaded machine).
  expect(figures.reclaimMsMax).toBeLessThan(LEASE_SECONDS * 1000 + ENGINE_MAX_MS + 3_000);
}, 120_000);
