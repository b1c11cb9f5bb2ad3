// Benchmark: the Opus institutions list (search, filters, sort, pagination) at fleet size.
// Prints median/p95 latency of each query shape at 300 institutions (baseline) and at 10,000, in
// the same run against the same PostgreSQL. Run: DATABASE_URL=… pnpm --filter @opus/api bench:institutions
import { performance } from "node:perf_hooks";
import { callerFor } from "../test/support/callers.ts";
import { createTestServices } from "../test/support/test-services.ts";

const services = await createTestServices();
const admin = await callerFor(services, "admin@opus.example");
const plans = await services.db.plan.findMany();
const MODES = ["SAAS", "MANAGED", "SELF_MANAGED"] as const;
const STATUSES = ["DRAFT", "SUBMITTED", "ACTIVE", "SUSPENDED", "PROVISIONING"] as const;
const WORDS = ["Banco", "Cooperativa", "Fintech", "Crédito", "Pagamentos", "Investimentos", "Aurora", "Horizonte", "Sertão", "Paraná"];

async function grow(to: number) {
  const have = await services.db.institution.count();
  const rows = Array.from({ length: to - have }, (_, k) => {
    const n = have + k;
    return {
      slug: `bench-${n}`,
      legalName: `${WORDS[n % WORDS.length]} ${WORDS[(n * 7) % WORDS.length]} ${n} S.A.`,
      cnpj: String(10_000_000_000_000 + n * 97).slice(0, 14),
      status: STATUSES[n % STATUSES.length],
      deploymentMode: MODES[n % MODES.length],
      planId: plans[n % plans.length]?.id ?? null,
      roles: n % 2 ? (["DADOS"] as const) : (["DADOS", "PAGTO"] as const),
    };
  });
  for (let i = 0; i < rows.length; i += 2000)
    await services.db.institution.createMany({ data: rows.slice(i, i + 2000).map((r) => ({ ...r, roles: [...r.roles] })) });
  await services.db.$executeRawUnsafe("ANALYZE institution");
}

const SHAPES: Record<string, Parameters<typeof admin.institutions.find>[0]> = {
  "first page, by name": {},
  "page 40, by newest": { page: 40, sort: "createdAt", direction: "desc" },
  "search 'horizonte'": { search: "horizonte" },
  "search CNPJ prefix": { search: "10.000.000/0" },
  "status + mode + role": { status: "ACTIVE", mode: "MANAGED", role: "PAGTO" },
  "plan filter, by status": { planId: plans[0]?.id, sort: "status" },
};

async function measure(label: string) {
  const results: Record<string, string> = {};
  for (const [name, input] of Object.entries(SHAPES)) {
    for (let i = 0; i < 5; i++) await admin.institutions.find(input); // warm up
    const times: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      await admin.institutions.find(input);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    results[name] = `median ${times[20]?.toFixed(2)} ms, p95 ${times[38]?.toFixed(2)} ms`;
  }
  console.log(`\n${label}`);
  for (const [name, figure] of Object.entries(results)) console.log(`  ${name.padEnd(24)} ${figure}`);
}

await grow(300);
await measure("baseline: 300 institutions");
await grow(10_000);
await measure("10,000 institutions");
await services.cleanup();
