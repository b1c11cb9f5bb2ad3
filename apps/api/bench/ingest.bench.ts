// Usage ingestion over loopback HTTP: `pnpm bench:ingest [events]` (default 1,000,000 per shape).
// Starts the real API process on a fresh database and sends two shapes of the same traffic (below: "live",
// each institution's events in time order, and "backfill", spread over the whole month), each from its own
// 4 institutions, in batches of 1,000 from 4 concurrent clients (1% duplicate ids, every 40th batch sent
// twice), alternating the shapes in rounds. Then COPYs both shapes' rows into a scratch table on the same
// database as the one baseline, prints each shape's rate and ratio to it, and checks every total (accepted,
// duplicates, raw events, hourly and daily rollups, per institution and meter) against what was sent.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createDb } from "@opus/db/client";
import { createTestDatabase } from "@opus/db/test-database";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { newApiKey } from "../src/domain/api-keys/api-key-secret.ts";

const TOTAL = Number(process.argv[2] ?? 1_000_000); // events per shape
const BATCH = 1000;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const INSTITUTIONS = 4; // per shape
// Each shape's batches are sent in ROUNDS slices, the shapes alternating (live, backfill, backfill, live, …),
// so both see the same database size and the same minutes of the machine's load on average.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 4);
const PORT = 4900 + Math.floor(Math.random() * 90);
const server = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const FAMILIES = ["accounts", "consents", "resources", "customers", "credit-cards-accounts", "loans", "financings", "payments-pix"];

// Two shapes of the same traffic (same ids, meters, dimensions, quantities, duplicates and retries), each
// sent by its own 4 institutions so its totals stay checkable:
// - live: installations report usage as it happens (the agent forwards what the platform emits, buffered at
//   most through an outage), so each institution's events ascend in time over the month, the four interleaved;
//   a batch covers a few hours.
// - backfill: every event at a pseudo-random time over the whole month; a batch touches ~692 distinct UTC hours.
const SHAPES = ["live", "backfill"] as const;
type ShapeName = (typeof SHAPES)[number];
const monthStart = Date.parse("2026-11-01T03:00:00Z"); // November in São Paulo
const SPAN = 29 * 86_400_000;
const liveStep = Math.floor(SPAN / (TOTAL / INSTITUTIONS)); // ms between one institution's live events

type Row = { institution: string; id: string; meter: string; quantity: string; timestamp: string; family: string };
type Shape = {
  name: ShapeName;
  institutions: string[];
  keys: string[];
  rows: Row[];
  expected: Map<string, { count: number; milli: bigint }>;
  batches: { inst: number; body: string }[];
  duplicatesSent: number;
  retried: number;
  hoursPerBatch: number;
  accepted: number;
  duplicates: number;
  rejected: number;
  seconds: number;
  apiCpu: number;
  pgCpu: number;
  clientCpu: number;
};

const database = await createTestDatabase(server);
const db = createDb(database.url, { poolSize: 2 });

async function createShape(name: ShapeName): Promise<Shape> {
  const institutions: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < INSTITUTIONS; i++) {
    const id = `bench-${name}-${i}`;
    await db.institution.create({
      data: {
        id,
        slug: id,
        legalName: `Bench ${name} ${i}`,
        environments: { create: { id: `${id}-prod`, kind: "PRODUCTION", stackName: `${id}-production` } },
      },
    });
    const { key, prefix, keyHash } = newApiKey();
    await db.apiKey.create({ data: { institutionId: id, purpose: "USAGE_REPORTING", prefix, keyHash, createdById: "bench" } });
    institutions.push(id);
    keys.push(key);
  }

  // Events: 80% API calls by family, 15% payments (decimal quantities), 5% active consents.
  const rows: Row[] = [];
  const byInstitution: Row[][] = [];
  const liveCount = Array.from({ length: INSTITUTIONS }, () => 0);
  const expected = new Map<string, { count: number; milli: bigint }>();
  const batches: { inst: number; body: string }[] = [];
  let duplicatesSent = 0;
  let distinctHours = 0;
  for (let b = 0; b < TOTAL / BATCH; b++) {
    const inst = b % INSTITUTIONS;
    const institution = institutions[inst] as string;
    const events = [];
    const hours = new Set<number>();
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
      const k = liveCount[inst] ?? 0; // the institution's k-th new event
      liveCount[inst] = k + 1;
      const at = name === "live" ? monthStart + k * liveStep : monthStart + ((n * 2_591_017) % SPAN);
      hours.add(Math.floor(at / 3_600_000));
      const row: Row = {
        institution,
        id: `evt-${n}`,
        meter,
        quantity,
        timestamp: new Date(at).toISOString(),
        family: FAMILIES[n % FAMILIES.length] ?? "accounts",
      };
      rows.push(row);
      const list = byInstitution[inst] ?? [];
      list.push(row);
      byInstitution[inst] = list;
      const key = `${institution}:${meter}`;
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
    distinctHours += hours.size;
    const body = JSON.stringify({ events });
    batches.push({ inst, body });
    if (b % 40 === 39) batches.push({ inst, body }); // a retried batch
  }
  return {
    name,
    institutions,
    keys,
    rows,
    expected,
    batches,
    duplicatesSent,
    retried: batches.length - TOTAL / BATCH,
    hoursPerBatch: distinctHours / (TOTAL / BATCH),
    accepted: 0,
    duplicates: 0,
    rejected: 0,
    seconds: 0,
    apiCpu: 0,
    pgCpu: 0,
    clientCpu: 0,
  };
}
const shapes: Shape[] = [];
for (const name of SHAPES) shapes.push(await createShape(name));

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

// CPU time (user + system) of a process, from the clock ticks of /proc/<pid>/stat; 0 once it is gone.
const cpuSeconds = (pid: number | undefined) => {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
};
// PostgreSQL's side: the CPU of the client backends serving the bench database (the API's pooled
// connections live through the whole HTTP phase; this monitor's own backend is left out, the bench's
// Prisma client is idle meanwhile).
const monitor = new pg.Client({ connectionString: database.url });
await monitor.connect();
const backendCpu = async () => {
  const { rows: backends } = await monitor.query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'",
  );
  return new Map(backends.map((b) => [b.pid, cpuSeconds(b.pid)]));
};

// The load generator is on the same two cores as the API and PostgreSQL, so it is kept light: node:http
// over CLIENTS kept-alive connections (fetch cost the load generator about a third more CPU per batch: 2.2–2.6 against 1.6–1.8 ms per 1,000 events). Its own CPU
// is printed beside the API's and PostgreSQL's.
const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
function post(key: string, body: string): Promise<{ accepted: number; duplicates: number; rejected: number }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}/api/v1/usage/events`,
      {
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), authorization: `Bearer ${key}` },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if (res.statusCode !== 200) return reject(new Error(`HTTP ${res.statusCode}: ${text}`));
          resolve(JSON.parse(text));
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

// Sends batches [from, to) of a shape from CLIENTS concurrent clients and adds the wall time and the API's,
// PostgreSQL's and this load generator's CPU to the shape's figures.
async function send(shape: Shape, from: number, to: number) {
  const apiBefore = cpuSeconds(api.pid);
  const pgBefore = await backendCpu();
  const clientBefore = process.cpuUsage();
  let next = from;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const batch = next < to ? shape.batches[next++] : undefined;
        if (!batch) return;
        const result = await post(shape.keys[batch.inst] as string, batch.body);
        shape.accepted += result.accepted;
        shape.duplicates += result.duplicates;
        shape.rejected += result.rejected;
      }
    }),
  );
  shape.seconds += (performance.now() - started) / 1000;
  shape.apiCpu += cpuSeconds(api.pid) - apiBefore;
  const client = process.cpuUsage(clientBefore);
  shape.clientCpu += (client.user + client.system) / 1e6;
  for (const [pid, after] of await backendCpu()) shape.pgCpu += after - (pgBefore.get(pid) ?? 0);
}

const loadBefore = loadavg()[0] ?? 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const shape of r % 2 === 0 ? shapes : [...shapes].reverse()) {
    const n = shape.batches.length;
    await send(shape, Math.floor((r * n) / ROUNDS), Math.floor(((r + 1) * n) / ROUNDS));
  }
}
const loadAfter = loadavg()[0] ?? 0;
await monitor.end();
agent.destroy();
api.kill("SIGTERM");
await once(api, "exit");

// Verify every total exactly, per shape.
const failures: string[] = [];
let checks = 0;
const check = (what: string, got: unknown, want: unknown) => {
  checks++;
  if (String(got) !== String(want)) failures.push(`${what}: got ${got}, expected ${want}`);
};
const milliText = (m: bigint) => `${m / 1000n}.${String(m % 1000n).padStart(3, "0")}`;
for (const shape of shapes) {
  check(`${shape.name} accepted`, shape.accepted, shape.rows.length);
  check(`${shape.name} duplicates`, shape.duplicates, shape.duplicatesSent + shape.retried * BATCH);
  check(`${shape.name} rejected`, shape.rejected, 0);
  for (const [key, e] of shape.expected) {
    const [institution, meter] = key.split(":") as [string, string];
    for (const table of ["usage_event", "usage_rollup_hourly", "usage_rollup_daily"]) {
      const countExpr = table === "usage_event" ? "count(*)" : "sum(event_count)";
      const sumExpr = table === "usage_event" ? "sum(quantity)" : "sum(quantity_sum)";
      const [r] = await db.$queryRawUnsafe<{ n: bigint; s: string }[]>(
        `SELECT ${countExpr} AS n, to_char(${sumExpr}, 'FM999999999990.000') AS s FROM ${table} WHERE institution_id = $1 AND meter_id = $2`,
        institution,
        `meter_${meter}`,
      );
      check(`${table} ${key} count`, r?.n, e.count);
      check(`${table} ${key} sum`, r?.s, milliText(e.milli));
    }
  }
}

// Baseline: a plain COPY of the same rows (both shapes') into a scratch table on the same database, once,
// so both shapes' ratios divide by the same figure.
const allRows = shapes.flatMap((shape) => shape.rows);
const client = new pg.Client({ connectionString: database.url });
await client.connect();
await client.query(`CREATE TABLE copy_scratch (institution_id text, event_id text, meter_id text, environment_id text, quantity numeric,
  occurred_at timestamptz, dimensions jsonb, group_key jsonb, received_at timestamptz)`);
const now = new Date().toISOString();
const copyStarted = performance.now();
await pipeline(
  Readable.from(
    (function* () {
      for (let i = 0; i < allRows.length; i += 5000) {
        yield allRows
          .slice(i, i + 5000)
          .map(
            (r) =>
              `${r.institution}\t${r.id}\tmeter_${r.meter}\t${r.institution}-prod\t${r.quantity}\t${r.timestamp}\t{"family":"${r.family}","endpoint":"/${r.family}/v2"}\t{"family":"${r.family}"}\t${now}\n`,
          )
          .join("");
      }
    })(),
  ),
  client.query(copyFrom("COPY copy_scratch FROM STDIN")),
);
const copySeconds = (performance.now() - copyStarted) / 1000;
const copied = await client.query("SELECT count(*)::int AS n FROM copy_scratch");
check("copied rows", copied.rows[0].n, allRows.length);
await client.end();
await db.$disconnect();
await database.drop();

const copyRate = allRows.length / copySeconds;
const perThousand = (seconds: number, shape: Shape) => ((seconds * 1000 * 1000) / (shape.batches.length * BATCH)).toFixed(1);
console.log(
  `usage ingestion: per shape ${TOTAL / BATCH} batches of ${BATCH} over loopback HTTP, ${CLIENTS} clients, ${INSTITUTIONS} institutions; ` +
    `shapes alternating in ${ROUNDS} rounds; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} (1 min, start → end of the HTTP phase)`,
);
console.log(`  COPY baseline (both shapes' ${allRows.length} rows, scratch table, same database): ${copyRate.toFixed(0)} rows/s`);
for (const shape of shapes) {
  const sent = shape.batches.length * BATCH;
  const uniqueRate = shape.rows.length / shape.seconds;
  console.log(
    `  ${shape.name}: ${sent} events sent (${shape.rows.length} unique, ${shape.duplicatesSent} duplicate ids, ${shape.retried} retried batches; ` +
      `${shape.hoursPerBatch.toFixed(0)} distinct UTC hours per batch) in ${shape.seconds.toFixed(1)} s`,
  );
  console.log(
    `    ${uniqueRate.toFixed(0)} new events/s stored (${(sent / shape.seconds).toFixed(0)} sent/s), ${((uniqueRate / copyRate) * 100).toFixed(1)}% of COPY; ` +
      `per 1,000 events sent: API CPU ${perThousand(shape.apiCpu, shape)} ms, PostgreSQL backends CPU ${perThousand(shape.pgCpu, shape)} ms, ` +
      `load generator CPU ${perThousand(shape.clientCpu, shape)} ms`,
  );
}
if (failures.length) {
  console.log(`totals: ${failures.length} MISMATCH(ES)\n  ${failures.join("\n  ")}`);
  process.exit(1);
}
console.log(
  `totals: all ${checks} checks exact (accepted, duplicates, rejected; raw events, hourly and daily rollups per institution and meter; copied rows)`,
);
