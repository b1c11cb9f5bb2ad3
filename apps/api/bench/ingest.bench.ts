// Usage ingestion over loopback HTTP: `pnpm bench:ingest [events]` (default 1,000,000).
// Starts the real API process on a fresh database, sends batches of 1,000 events from 4 concurrent
// clients (1% duplicate ids, every 40th batch sent twice), then COPYs the same rows into a scratch
// table on the same database as the baseline, prints both rates and their ratio, and checks every
// total (raw events, hourly and daily rollups, per meter) against what was sent.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDb } from "@opus/db/client";
import { createTestDatabase } from "@opus/db/test-database";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { newApiKey } from "../src/domain/api-keys/api-key-secret.ts";

const TOTAL = Number(process.argv[2] ?? 1_000_000);
const BATCH = 1000;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const INSTITUTIONS = 4;
const PORT = 4900 + Math.floor(Math.random() * 90);
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const FAMILIES = ["accounts", "consents", "resources", "customers", "credit-cards-accounts", "loans", "financings", "payments-pix"];

const database = await createTestDatabase(server);
const db = createDb(database.url, { poolSize: 2 });
const keys: string[] = [];
for (let i = 0; i < INSTITUTIONS; i++) {
  await db.institution.create({
    data: {
      id: `bench-${i}`,
      slug: `bench-${i}`,
      legalName: `Bench ${i}`,
      environments: { create: { id: `bench-${i}-prod`, kind: "PRODUCTION", stackName: `bench-${i}-production` } },
    },
  });
  const { key, prefix, keyHash } = newApiKey();
  await db.apiKey.create({ data: { institutionId: `bench-${i}`, purpose: "USAGE_REPORTING", prefix, keyHash, createdById: "bench" } });
  keys.push(key);
}

// Events: 80% API calls by family, 15% payments (decimal quantities), 5% active consents; spread over November (São Paulo).
type Row = { inst: number; id: string; meter: string; quantity: string; timestamp: string; family: string };
const monthStart = Date.parse("2026-11-01T03:00:00Z");
const rows: Row[] = [];
const byInstitution: Row[][] = [];
const expected = new Map<string, { count: number; milli: bigint }>();
const batches: { inst: number; body: string }[] = [];
let duplicatesSent = 0;
for (let b = 0; b < TOTAL / BATCH; b++) {
  const inst = b % INSTITUTIONS;
  const events = [];
  for (let j = 0; j < BATCH; j++) {
    const n = b * BATCH + j;
    // 1% of events reuse the id of an event sent earlier by the same institution.
    const earlier = byInstitution[inst] ?? [];
    if (j % 100 === 99 && earlier.length > 0) {
      // One of the institution's last 1,000 events: a client resending what it sent moments ago.
      const dup = earlier[earlier.length - 1 - ((n * 7919) % Math.min(earlier.length, 1000))] as Row;
      events.push({
        id: dup.id,
        meter: dup.meter,
        environment: "production",
        quantity: dup.quantity,
        timestamp: dup.timestamp,
        dimensions: { family: dup.family },
      });
      duplicatesSent++;
      continue;
    }
    const kind = n % 20;
    const meter = kind < 16 ? "api_calls" : kind < 19 ? "payments_initiated" : "active_consents";
    const quantity =
      meter === "payments_initiated"
        ? `${n % 7}.${String(n % 1000).padStart(3, "0")}`
        : meter === "active_consents"
          ? String(n % 5000)
          : "1";
    const row: Row = {
      inst,
      id: `evt-${n}`,
      meter,
      quantity,
      timestamp: new Date(monthStart + ((n * 2_591_017) % (29 * 86_400_000))).toISOString(),
      family: FAMILIES[n % FAMILIES.length] ?? "accounts",
    };
    rows.push(row);
    const list = byInstitution[inst] ?? [];
    list.push(row);
    byInstitution[inst] = list;
    const key = `${inst}:${meter}`;
    const e = expected.get(key) ?? { count: 0, milli: 0n };
    e.count++;
    e.milli += BigInt(quantity.replace(".", "").padEnd(quantity.includes(".") ? quantity.length - 1 : quantity.length + 3, "0"));
    expected.set(key, e);
    events.push({
      id: row.id,
      meter,
      environment: "production",
      quantity,
      timestamp: row.timestamp,
      dimensions: { family: row.family, endpoint: `/${row.family}/v2` },
    });
  }
  const body = JSON.stringify({ events });
  batches.push({ inst, body });
  if (b % 40 === 39) batches.push({ inst, body }); // a retried batch
}
const retried = batches.length - TOTAL / BATCH;

// The real API process (its own event loop, as in production), on the bench database.
// BENCH_PROFILE=1 writes the API's CPU profile to .bench/ingest-profile (bench/profile/summarize-profile.ts reads it).
// The API's node flags as docker/api.Dockerfile runs it (BENCH_NODE_FLAGS="" measures without them).
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? "--max-semi-space-size=64").split(" ").filter(Boolean);
const profileArgs = process.env.BENCH_PROFILE ? ["--cpu-prof", "--cpu-prof-dir", ".bench/ingest-profile"] : [];
const api = spawn(process.execPath, [...nodeFlags, ...profileArgs, "--import", "tsx", "src/server.ts"], {
  env: { ...process.env, DATABASE_URL: database.url, API_PORT: String(PORT), LOG_LEVEL: "warn" },
  stdio: ["ignore", "inherit", "inherit"],
});
const base = `http://127.0.0.1:${PORT}`;
for (let i = 0; ; i++) {
  if (
    await fetch(`${base}/healthz`).then(
      (r) => r.ok,
      () => false,
    )
  )
    break;
  if (i > 600) throw new Error("API did not start within 60 s");
  await new Promise((r) => setTimeout(r, 100));
}

// The API process's CPU time (user + system, clock ticks of /proc/<pid>/stat), to show what a batch costs it.
const apiCpuSeconds = () => {
  const fields = readFileSync(`/proc/${api.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const cpuBefore = apiCpuSeconds();
let accepted = 0;
let duplicates = 0;
let rejected = 0;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: CLIENTS }, async () => {
    for (;;) {
      const batch = batches[next++];
      if (!batch) return;
      const res = await fetch(`${base}/api/v1/usage/events`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${keys[batch.inst]}` },
        body: batch.body,
      });
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${await res.text()}`);
      const result = (await res.json()) as { accepted: number; duplicates: number; rejected: number };
      accepted += result.accepted;
      duplicates += result.duplicates;
      rejected += result.rejected;
    }
  }),
);
const httpSeconds = (performance.now() - started) / 1000;
const apiCpu = apiCpuSeconds() - cpuBefore;
// PostgreSQL's side: the CPU of the backends serving the bench database (the API's pooled
// connections live through the whole HTTP phase; this bench's own client is idle meanwhile).
const backends = await db.$queryRawUnsafe<{ pid: number }[]>(
  "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
);
const pgCpu = backends.reduce((sum, b) => {
  const fields = readFileSync(`/proc/${b.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
  return sum + (Number(fields[11]) + Number(fields[12])) / 100;
}, 0);
const loadDuring = loadavg()[0] ?? 0;
api.kill("SIGTERM");
await once(api, "exit");

// Verify every total exactly.
const failures: string[] = [];
const check = (what: string, got: unknown, want: unknown) => {
  if (String(got) !== String(want)) failures.push(`${what}: got ${got}, expected ${want}`);
};
check("accepted", accepted, rows.length);
check("duplicates", duplicates, duplicatesSent + retried * BATCH);
check("rejected", rejected, 0);
const milliText = (m: bigint) => `${m / 1000n}.${String(m % 1000n).padStart(3, "0")}`;
for (const [key, e] of expected) {
  const [inst, meter] = key.split(":") as [string, string];
  for (const table of ["usage_event", "usage_rollup_hourly", "usage_rollup_daily"]) {
    const countExpr = table === "usage_event" ? "count(*)" : "sum(event_count)";
    const sumExpr = table === "usage_event" ? "sum(quantity)" : "sum(quantity_sum)";
    const [r] = await db.$queryRawUnsafe<{ n: bigint; s: string }[]>(
      `SELECT ${countExpr} AS n, to_char(${sumExpr}, 'FM999999999990.000') AS s FROM ${table} WHERE institution_id = $1 AND meter_id = $2`,
      `bench-${inst}`,
      `meter_${meter}`,
    );
    check(`${table} ${key} count`, r?.n, e.count);
    check(`${table} ${key} sum`, r?.s, milliText(e.milli));
  }
}

// Baseline: a plain COPY of the same rows into a scratch table on the same database.
const client = new pg.Client({ connectionString: database.url });
await client.connect();
await client.query(`CREATE TABLE copy_scratch (institution_id text, event_id text, meter_id text, environment_id text, quantity numeric,
  occurred_at timestamptz, dimensions jsonb, group_key jsonb, received_at timestamptz)`);
const now = new Date().toISOString();
const copyStarted = performance.now();
await pipeline(
  Readable.from(
    (function* () {
      for (let i = 0; i < rows.length; i += 5000) {
        yield rows
          .slice(i, i + 5000)
          .map(
            (r) =>
              `bench-${r.inst}\t${r.id}\tmeter_${r.meter}\tbench-${r.inst}-prod\t${r.quantity}\t${r.timestamp}\t{"family":"${r.family}","endpoint":"/${r.family}/v2"}\t{"family":"${r.family}"}\t${now}\n`,
          )
          .join("");
      }
    })(),
  ),
  client.query(copyFrom("COPY copy_scratch FROM STDIN")),
);
const copySeconds = (performance.now() - copyStarted) / 1000;
const copied = await client.query("SELECT count(*)::int AS n FROM copy_scratch");
check("copied rows", copied.rows[0].n, rows.length);
await client.end();
await db.$disconnect();
await database.drop();

const httpRate = (batches.length * BATCH) / httpSeconds;
const uniqueRate = rows.length / httpSeconds;
const copyRate = rows.length / copySeconds;
console.log(`usage ingestion: ${batches.length} batches of ${BATCH} over loopback HTTP, ${CLIENTS} clients, ${INSTITUTIONS} institutions`);
console.log(
  `  sent ${batches.length * BATCH} events (${rows.length} unique, ${duplicatesSent} duplicate ids, ${retried} retried batches) in ${httpSeconds.toFixed(1)} s`,
);
console.log(`  HTTP ingest: ${httpRate.toFixed(0)} events/s sent, ${uniqueRate.toFixed(0)} new events/s stored`);
console.log(
  `  API process CPU: ${apiCpu.toFixed(1)} s, ${((apiCpu * 1000 * 1000) / (batches.length * BATCH)).toFixed(1)} ms per 1,000 events sent; load average ${loadDuring.toFixed(1)} (1 min) at the end of the HTTP phase`,
);
console.log(
  `  PostgreSQL backends CPU: ${pgCpu.toFixed(1)} s (${backends.length} backends), ${((pgCpu * 1000 * 1000) / (batches.length * BATCH)).toFixed(1)} ms per 1,000 events sent`,
);
console.log(`  COPY baseline (same rows, scratch table, same database): ${copyRate.toFixed(0)} rows/s`);
console.log(`  ratio: ${((uniqueRate / copyRate) * 100).toFixed(1)}% of COPY (new events/s ÷ COPY rows/s)`);
if (failures.length) {
  console.log(`totals: ${failures.length} MISMATCH(ES)\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(`totals: all ${expected.size * 3 + 4} checks exact (raw events, hourly and daily rollups per institution and meter)`);
