// Benchmark: the Opus dashboard's fleet health counts at fleet size. Before the cache, each load
// judged every environment's 90-day window (the Health page's listFleetHealth, kept here as the
// same-run baseline); now a load reads the cached statuses, re-judging only what is stale: after a
// report, that environment; on a new São Paulo day, every environment once.
// Run: DATABASE_URL=… pnpm --filter @opus/api bench:dashboard [environments]
import { performance } from "node:perf_hooks";
import { callerFor } from "../test/support/callers.ts";
import { createTestServices } from "../test/support/test-services.ts";

const ENVIRONMENTS = Number(process.argv[2] ?? 300);
const ENDPOINTS = 4;
const DAYS = 90;

const services = await createTestServices();
services.clock.set(new Date("2026-12-10T22:00:00Z"));
const plan = await services.db.plan.findFirstOrThrow();
await services.sql.query(
  `INSERT INTO institution (id, slug, "legalName", cnpj, status, "deploymentMode", "planId", roles, "createdAt", "updatedAt")
   SELECT 'bench-inst-' || n, 'bench-' || n, 'Banco Bench ' || n || ' S.A.', lpad((30000000000000 + n * 97)::text, 14, '0'),
          'ACTIVE', 'SAAS', $2, '{}', now(), now()
   FROM generate_series(1, $1::int) n`,
  [ENVIRONMENTS, plan.id],
);
await services.sql.query(
  `INSERT INTO environment (id, "institutionId", kind, status, "stackName", "updatedAt")
   SELECT 'bench-env-' || n, 'bench-inst-' || n, 'PRODUCTION', 'ACTIVE', 'bench-' || n || '-production', now()
   FROM generate_series(1, $1::int) n`,
  [ENVIRONMENTS],
);
// Every environment reports every endpoint every day of the window; one in ten breaches the daily minimum once.
await services.sql.query(
  `INSERT INTO endpoint_metric_day (id, "institutionId", "environmentId", day, endpoint, invocations, "averageResponseMs",
     "averageTps", "peakTps", errors, rejections, "p95ResponseMs", "partialDowntimeSeconds", "scheduledOutageSeconds", "reportedAt", "receivedAt")
   SELECT gen_random_uuid()::text, 'bench-inst-' || n, 'bench-env-' || n, DATE '2026-12-10' - d, '/open-banking/endpoint-' || e,
          1000, 250, 3, 40, 5, 1, 700, CASE WHEN n % 10 = 0 AND d = 1 THEN 6000 ELSE 30 END, 0, now(), now()
   FROM generate_series(1, $1::int) n, generate_series(0, $2::int - 1) d, generate_series(1, $3::int) e`,
  [ENVIRONMENTS, DAYS, ENDPOINTS],
);
const otto = await callerFor(services, "operator@opus.example");

async function time(label: string, runs: number, prepare: () => Promise<unknown>, load: () => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    await prepare();
    const t = performance.now();
    await load();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  console.log(`  ${label.padEnd(58)} median ${median.toFixed(1)} ms (${runs} runs)`);
  return median;
}

const nothing = async () => {};
const staleAll = () => services.sql.query(`UPDATE environment_health_cache SET "judgedVersion" = NULL`);
const reportOne = () =>
  services.sql.query(
    `UPDATE endpoint_metric_day SET errors = errors + 1 WHERE "environmentId" = 'bench-env-1' AND day = DATE '2026-12-10'`,
  );

console.log(
  `\n${ENVIRONMENTS} environments × ${ENDPOINTS} endpoints × ${DAYS} days = ${(ENVIRONMENTS * ENDPOINTS * DAYS).toLocaleString("en")} endpoint-days`,
);
await otto.dashboard.get(); // warm up the client and the cache
const baseline = await time("every window judged (listFleetHealth, the old dashboard)", 5, nothing, () => otto.health.fleet({}));
const cold = await time("dashboard, every status stale (a new São Paulo day)", 5, staleAll, () => otto.dashboard.get());
const one = await time("dashboard, one environment reported since", 10, reportOne, () => otto.dashboard.get());
const warm = await time("dashboard, warm", 20, nothing, () => otto.dashboard.get());
console.log(
  `  warm ${(baseline / warm).toFixed(0)}× faster than judging every window; after one report ${(baseline / one).toFixed(0)}×; cold ${(baseline / cold).toFixed(1)}×`,
);
await services.cleanup();
