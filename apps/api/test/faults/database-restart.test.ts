// PostgreSQL stopped and started again mid-run, under a real API and real workers (the embedded
// server on a private port, never the shared one): 503 while it is away, answers again after,
// nothing restarted, and a run that ended during the outage is recorded once and not run again.
// `pnpm fault:database` runs a larger variant.
import { expect, it } from "vitest";
import { describeDatabaseRestart, runDatabaseRestartScenario } from "./support/database-restart-scenario.ts";

it("a database restart mid-run: 503 meanwhile, recovery without restarts, every run recorded once", async () => {
  const figures = await runDatabaseRestartScenario({
    stacks: 4,
    perStack: 2,
    workers: 2,
    outageMs: 4_000,
    leaseSeconds: 15,
    engineMs: [2_000, 5_000],
    timeoutMs: 90_000,
  });
  console.log(`[fault:database, small]\n${describeDatabaseRestart(figures)}`);
  const statuses = Object.keys(figures.duringOutage);
  expect(statuses).toEqual(["503"]);
  expect(figures.processExits).toBe(0);
  expect(figures.outcomes.lost).toEqual([]);
  expect(figures.outcomes.doubled).toEqual([]);
  expect(figures.outcomes.byStatus).toEqual({ SUCCEEDED: 8 });
  expect(figures.runsEndedDuringOutage).toBeGreaterThan(0);
  expect(figures.rerunsAfterOutage).toBe(0);
  // Log lines printed while the database was away were kept and written once it was back.
  expect(figures.logsWithoutEnd).toBe(0);
}, 180_000);
