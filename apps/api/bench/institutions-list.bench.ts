// Benchmark: the Opus institutions list (search, filters, sort, pagination) at fleet size, with the
// child rows a real fleet has (environments, members, operations, audit events). Prints median/p95
// latency of each query shape through the real router, and its ratio to the first page (the
// same-run baseline). Run: DATABASE_URL=… pnpm --filter @opus/api bench:institutions
import { performance } from "node:perf_hooks";
import { callerFor } from "../test/support/callers.ts";
import { createTestServices } from "../test/support/test-services.ts";
import { seedFleet } from "./api/seed-fleet.ts";

const services = await createTestServices();
const admin = await callerFor(services, "admin@opus.example");
const counts = await seedFleet(services.databaseUrl);
const plans = await services.db.plan.findMany();

const SHAPES: Record<string, Parameters<typeof admin.institutions.find>[0]> = {
  "first page, by name (baseline)": {},
  "last page (400), by name": { page: 400 },
  "page 40, by newest": { page: 40, sort: "createdAt", direction: "desc" },
  "search 'horizonte'": { search: "horizonte" },
  "search '1107 S.A.'": { search: "1107 S.A." },
  "search CNPJ prefix": { search: "20.000.000/0970" },
  "status + mode + role": { status: "ACTIVE", mode: "MANAGED", role: "PAGTO" },
  "plan filter, by status": { planId: plans[0]?.id, sort: "status" },
};

const results: [string, number, number][] = [];
for (const [name, input] of Object.entries(SHAPES)) {
  for (let i = 0; i < 5; i++) await admin.institutions.find(input); // warm up
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const t = performance.now();
    await admin.institutions.find(input);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  results.push([name, times[20] ?? 0, times[38] ?? 0]);
}
const baseline = results[0]?.[1] ?? 1;
console.log(
  `\n${counts.institution?.toLocaleString("en")} institutions, ${counts.environment?.toLocaleString("en")} environments, ${counts.membership?.toLocaleString("en")} memberships`,
);
for (const [name, median, p95] of results)
  console.log(
    `  ${name.padEnd(32)} median ${median.toFixed(2)} ms (${(median / baseline).toFixed(2)}× first page), p95 ${p95.toFixed(2)} ms`,
  );
await services.cleanup();
