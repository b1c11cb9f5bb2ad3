// `pnpm fault:database`: 100 operations drained by real workers behind a real API while the
// database (the embedded PostgreSQL on a private port and data folder, never the shared server) is
// stopped for FAULT_OUTAGE_MS (6000) and started again. Prints the figures docs/resilience.md
// records and exits 1 if the API answered anything but 503 meanwhile, a process had to restart,
// or an operation was lost, doubled or run again. The suite runs a small variant (test/faults).
import { describeDatabaseRestart, runDatabaseRestartScenario } from "../test/faults/support/database-restart-scenario.ts";

const operations = Number(process.env.FAULT_OPERATIONS ?? 100);
const figures = await runDatabaseRestartScenario({
  stacks: Math.ceil(operations / 4),
  perStack: 4,
  workers: 3,
  outageMs: Number(process.env.FAULT_OUTAGE_MS ?? 6_000),
  leaseSeconds: 20,
  engineMs: [1_000, 4_000],
  timeoutMs: 15 * 60_000,
  say: (line) => console.log(`[fault:database] ${line}`),
});
console.log(`[fault:database]\n${describeDatabaseRestart(figures)}`);
const broken =
  Object.keys(figures.duringOutage).filter((status) => status !== "503").length +
  figures.processExits +
  figures.outcomes.lost.length +
  figures.outcomes.doubled.length +
  figures.rerunsAfterOutage +
  figures.logsWithoutEnd;
process.exit(broken === 0 ? 0 : 1);
