// `pnpm fault:sigkill`: 100 provisioning operations on 25 stacks, drained by real worker processes
// while workers are SIGKILLed mid-run (a replacement starts after each kill, as a Deployment does).
// Prints the figures docs/benchmarks.md records and exits 1 if an operation was lost or doubled,
// or two engine calls of one stack overlapped. The suite runs a small variant (test/faults).
//
// Options (environment): DATABASE_URL (a fresh database is created on it), FAULT_OPERATIONS (100),
// FAULT_WORKERS (4), FAULT_KILLS (10), FAULT_LEASE_SECONDS (5).
import { describeSigkill, runSigkillScenario } from "../test/faults/support/sigkill-scenario.ts";

const operations = Number(process.env.FAULT_OPERATIONS ?? 100);
const leaseSeconds = Number(process.env.FAULT_LEASE_SECONDS ?? 5);
const figures = await runSigkillScenario({
  serverUrl: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  stacks: Math.ceil(operations / 4),
  perStack: 4,
  workers: Number(process.env.FAULT_WORKERS ?? 4),
  concurrency: 3,
  leaseSeconds,
  kills: Number(process.env.FAULT_KILLS ?? 10),
  killEveryMs: [1_000, 4_000],
  engineMs: [500, 2_500],
  timeoutMs: 15 * 60_000,
  say: (line) => console.log(`[fault:sigkill] ${line}`),
});
console.log(`[fault:sigkill] lease=${leaseSeconds}s\n${describeSigkill(figures)}`);
const broken = figures.lost + figures.duplicates + figures.stackOverlaps + figures.outcomes.failedWithoutReason.length;
process.exit(broken === 0 ? 0 : 1);
