// Claim throughput of the operation queue: `tsx bench/queue-claim.bench.ts [operations] [stacks]`.
// Each worker (own connection pool, as a separate process would have) claims an operation and
// completes it at once, so this measures the queue alone, not an engine. Prints operations/second
// for 1, 2, 4 and 8 workers against the single-worker baseline of the same run.
import { createDb } from "@opus/db/client";
import { createTestDatabase } from "@opus/db/test-database";
import { claimNext } from "../src/provisioning/queue.ts";

const total = Number(process.argv[2] ?? 600);
const stacks = Number(process.argv[3] ?? 100);
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const database = await createTestDatabase(server);
const admin = createDb(database.url, { poolSize: 2 });
try {
  // One tenant per stack (an institution has one environment per kind).
  await admin.$executeRaw`
    INSERT INTO institution (id, slug, "legalName", "updatedAt")
    SELECT 'inst-' || s, 'bench-' || s, 'Bench', now() FROM generate_series(1, ${stacks}) s`;
  await admin.$executeRaw`
    INSERT INTO environment (id, "institutionId", kind, "stackName", "updatedAt")
    SELECT 'env-' || s, 'inst-' || s, 'PRODUCTION', 'stack-' || s, now() FROM generate_series(1, ${stacks}) s`;
  await admin.$executeRaw`
    INSERT INTO operation (id, "environmentId", "stackName", kind, "idempotencyKey", "createdAt")
    SELECT 'op-' || i, 'env-' || (i % ${stacks} + 1), 'stack-' || (i % ${stacks} + 1), 'PREVIEW', 'bench-' || i,
           now() + i * interval '1 microsecond'
    FROM generate_series(1, ${total}) i`;

  const results: { workers: number; perSecond: number }[] = [];
  for (const workers of [1, 2, 4, 8]) {
    await admin.$executeRaw`UPDATE operation SET status = 'QUEUED', "lockedBy" = NULL, attempt = 0, "runAfter" = now() - interval '1 second'`;
    const pools = Array.from({ length: workers }, () => createDb(database.url, { poolSize: 1 }));
    const started = performance.now();
    const claimed = await Promise.all(
      pools.map(async (db, w) => {
        let count = 0;
        for (;;) {
          const op = await claimNext(db, `bench-${w}`, new Date());
          if (op) {
            await db.operation.update({ where: { id: op.id }, data: { status: "SUCCEEDED" } });
            count++;
          } else if ((await db.operation.count({ where: { status: { in: ["QUEUED", "RUNNING"] } } })) === 0) return count;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await Promise.all(pools.map((db) => db.$disconnect()));
    const sum = claimed.reduce((a, b) => a + b, 0);
    if (sum !== total) throw new Error(`claimed ${sum} of ${total}`);
    results.push({ workers, perSecond: sum / seconds });
  }
  const baseline = results[0]?.perSecond ?? 1;
  console.log(`queue claim+complete, ${total} operations over ${stacks} stacks`);
  for (const r of results)
    console.log(
      `${String(r.workers).padStart(2)} worker(s): ${r.perSecond.toFixed(0).padStart(6)} ops/s  (${(r.perSecond / baseline).toFixed(2)}× baseline)`,
    );
} finally {
  await admin.$disconnect();
  await database.drop();
}
