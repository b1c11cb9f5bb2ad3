// Monthly reports for a fleet: `pnpm bench:report [institutions]` (default 1,000). Fills a month of
// daily rollups (8 API families × 2 environments, payments and active consents, every day of
// November 2026), then computes every institution's report in one pass (what the billing screen and
// the fleet export do). Baseline from the same run: the same reports one institution at a time,
// measured on 50 institutions and scaled to the fleet.
import { createDb } from "@opus/db/client";
import { createTestDatabase } from "@opus/db/test-database";
import { computeReport, computeReports } from "../src/domain/billing/compute-reports.ts";

const INSTITUTIONS = Number(process.argv[2] ?? 1000);
const MONTH = "2026-11";
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const database = await createTestDatabase(server);
const db = createDb(database.url, { poolSize: 4 });
try {
  const plan = await db.plan.create({ data: { code: "bench", name: "Bench" } });
  await db.planPriceVersion.create({
    data: {
      planId: plan.id,
      effectiveMonth: "2026-01",
      createdById: "bench",
      baseFees: { SAAS: 450_000, MANAGED: 630_000, SELF_MANAGED: 270_000 },
      meterPrices: {
        api_calls: {
          model: "GRADUATED",
          included: "1000000",
          tiers: [
            { upTo: "5000000", unitPrice: "0.0015" },
            { upTo: null, unitPrice: "0.0010" },
          ],
        },
        payments_initiated: {
          model: "VOLUME",
          included: "0",
          tiers: [
            { upTo: "10000", unitPrice: "0.05" },
            { upTo: null, unitPrice: "0.03" },
          ],
        },
        active_consents: { model: "PACKAGE", included: "1000", packageSize: "1000", packagePrice: "25.00" },
      },
    },
  });
  await db.$executeRawUnsafe(
    `INSERT INTO institution (id, slug, "legalName", status, "deploymentMode", "planId", "updatedAt")
     SELECT 'inst-' || i, 'bench-' || i, 'Bench ' || i, 'ACTIVE', 'SAAS', $1, now() FROM generate_series(1, $2::int) i`,
    plan.id,
    INSTITUTIONS,
  );
  const started = performance.now();
  await db.$executeRawUnsafe(
    `INSERT INTO usage_rollup_daily (institution_id, meter_id, environment_id, day, group_key, event_count, quantity_sum, quantity_max, latest_quantity, latest_at)
     SELECT 'inst-' || i, 'meter_api_calls', 'env-' || i || '-' || e, d::date, '{"family":"f' || f || '"}',
            1000 + (i * 7 + f * 13 + extract(day FROM d)::int) % 5000, 0, 1, 1, d + interval '12 hours'
     FROM generate_series(1, $1::int) i, generate_series(1, 2) e, generate_series(1, 8) f,
          generate_series(DATE '2026-11-01', DATE '2026-11-30', INTERVAL '1 day') d
     UNION ALL
     SELECT 'inst-' || i, 'meter_payments_initiated', 'env-' || i || '-' || e, d::date, '{}', 300 + i % 97, 300 + i % 97, 1, 1, d + interval '12 hours'
     FROM generate_series(1, $1::int) i, generate_series(1, 2) e, generate_series(DATE '2026-11-01', DATE '2026-11-30', INTERVAL '1 day') d
     UNION ALL
     SELECT 'inst-' || i, 'meter_active_consents', 'env-' || i || '-' || e, d::date, '{}', 24, 24 * 2000, 2000 + (i + extract(day FROM d)::int) % 700, 2100, d + interval '23 hours'
     FROM generate_series(1, $1::int) i, generate_series(1, 2) e, generate_series(DATE '2026-11-01', DATE '2026-11-30', INTERVAL '1 day') d`,
    INSTITUTIONS,
  );
  await db.$executeRawUnsafe("ANALYZE usage_rollup_daily");
  const [{ n } = { n: 0n }] = await db.$queryRawUnsafe<{ n: bigint }[]>("SELECT count(*) AS n FROM usage_rollup_daily");
  console.log(
    `monthly reports: ${INSTITUTIONS} institutions, ${n} daily rollup rows for ${MONTH} (filled in ${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );

  const t0 = performance.now();
  const reports = await computeReports({ db }, MONTH, null);
  const fleetSeconds = (performance.now() - t0) / 1000;
  if (reports.length !== INSTITUTIONS) throw new Error(`expected ${INSTITUTIONS} reports, got ${reports.length}`);
  const total = reports.reduce((sum, r) => sum + r.totalCentavos, 0);

  const sample = Math.min(50, INSTITUTIONS);
  const t1 = performance.now();
  for (let i = 1; i <= sample; i++) {
    const one = await computeReport({ db }, `inst-${i}`, MONTH);
    const same = reports.find((r) => r.institution.id === `inst-${i}`);
    if (one?.totalCentavos !== same?.totalCentavos) throw new Error(`inst-${i}: fleet and single computations disagree`);
  }
  const perInstitution = (performance.now() - t1) / 1000 / sample;

  console.log(
    `  fleet pass: ${INSTITUTIONS} reports in ${fleetSeconds.toFixed(2)} s (${((fleetSeconds / INSTITUTIONS) * 1000).toFixed(2)} ms per report); bar: under 10 s`,
  );
  console.log(
    `  baseline, one institution at a time: ${(perInstitution * 1000).toFixed(1)} ms each → ${(perInstitution * INSTITUTIONS).toFixed(1)} s for the fleet`,
  );
  console.log(`  fleet total: ${total} centavos; ${sample} reports checked equal between the two ways`);
} finally {
  await db.$disconnect();
  await database.drop();
}
