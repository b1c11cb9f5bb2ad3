// `pnpm --filter @opus/api bench:prisma`: CPU the Prisma client spends per call, for the query kinds
// the API uses, against a fleet-sized database. Compare client versions by running it in two
// checkouts alternately (docs/benchmarks.md); within one run, the raw-SQL rows are the baseline.
// Measures process CPU (process.cpuUsage), not latency: the database's own time is not counted.
import { createDb, Prisma } from "@opus/db/client";
import { seedDemoData } from "@opus/db/seed";
import { createTestDatabase } from "@opus/db/test-database";
import { seedFleet } from "./api/seed-fleet.ts";

const iterations = Number(process.env.BENCH_ITERATIONS ?? 1000);
const database = await createTestDatabase(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const db = createDb(database.url, { poolSize: 4 });
try {
  await seedDemoData(db, { authSecret: "bench-auth-secret-0123456789abcdef0123", encryptCredentials: (s: string) => s });
  await seedFleet(database.url, {
    institutions: 2000,
    environmentsPerInstitution: 2,
    membersPerInstitution: 2,
    operationsPerEnvironment: 1,
    auditEventsPerInstitution: 1,
  });
  const userId = (await db.user.findFirstOrThrow({ where: { email: "ana@aurora.example" } })).id;
  const cases: Record<string, () => Promise<unknown>> = {
    "ORM: count + 25 rows with _count": () =>
      Promise.all([
        db.institution.count({ where: {} }),
        db.institution.findMany({
          orderBy: [{ legalName: "asc" }, { id: "asc" }],
          take: 25,
          select: {
            id: true,
            slug: true,
            legalName: true,
            createdAt: true,
            plan: { select: { id: true, name: true } },
            _count: { select: { environments: true, memberships: true } },
          },
        }),
      ]),
    "ORM: user with memberships": () =>
      db.user.findUnique({
        where: { id: userId },
        select: { id: true, email: true, memberships: { select: { institutionId: true, role: true } } },
      }),
    "ORM: findUnique by id": () => db.user.findUnique({ where: { id: userId }, select: { id: true, email: true } }),
    "raw: count + 25 rows with per-row counts": () =>
      Promise.all([
        db.$queryRaw`SELECT count(*)::int AS total FROM institution i`,
        db.$queryRaw`SELECT i.id, i.slug, i."legalName", i."createdAt", p.name AS "planName",
          (SELECT count(*)::int FROM environment e WHERE e."institutionId" = i.id) AS environments,
          (SELECT count(*)::int FROM membership m WHERE m."institutionId" = i.id) AS memberships
          FROM institution i LEFT JOIN plan p ON p.id = i."planId" ORDER BY i."legalName", i.id LIMIT ${25}`,
      ]),
    "raw: user with memberships": () =>
      db.$queryRaw(
        Prisma.sql`SELECT u.id, u.email, (SELECT json_agg(m."institutionId") FROM membership m WHERE m."userId" = u.id) AS memberships FROM "user" u WHERE u.id = ${userId}`,
      ),
  };
  console.log(`Prisma client ${Prisma.prismaVersion.client}, ${iterations} iterations each, NODE_ENV=${process.env.NODE_ENV ?? ""}`);
  for (const [name, run] of Object.entries(cases)) {
    for (let i = 0; i < 100; i++) await run(); // warm-up
    const before = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < iterations; i++) await run();
    const cpu = process.cpuUsage(before);
    const wall = performance.now() - t0;
    console.log(
      `${name.padEnd(42)} CPU ${((cpu.user + cpu.system) / 1000 / iterations).toFixed(3)} ms/call, wall ${(wall / iterations).toFixed(2)} ms/call`,
    );
  }
} finally {
  await db.$disconnect();
  await database.drop();
}
