// `pnpm bench:api`: the console's own `institutions.find` request against the real API (signed in,
// its own process, production mode), beside two baselines served in the same run by another process:
// a raw `pg` handler issuing count + page, and a bare Node handler returning the same page from memory.
// Rounds alternate between the three targets so that load from other work on the machine spreads
// over all of them; read the ratios, not the absolute figures. Ends by stopping the API with SIGTERM
// straight after load and reporting whether it shut down cleanly.
//
// Options (environment): DATABASE_URL (a PostgreSQL server; a fresh database is created on it),
// BENCH_SECONDS (per round, default 5), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS (default "50,200"),
// BENCH_PROFILE=1 (writes a CPU profile of the API process to .bench/profiles), BENCH_NODE_FLAGS
// (the API's node flags, default the production image's, e.g. to compare V8 settings).
import { type ChildProcess, fork, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { createDb } from "@opus/db/client";
import { seedDemoData } from "@opus/db/seed";
import { createTestDatabase } from "@opus/db/test-database";
import autocannon from "autocannon";
import superjson from "superjson";
import { createCredentialsSealer, generateCredentialsKeyPair } from "../../src/lib/credentials-envelope.ts";
import { signIn } from "../../test/support/http-sign-in.ts";
import { cpuMillis } from "./process-cpu.ts";
import { seedFleet } from "./seed-fleet.ts";

const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const connectionLevels = (process.env.BENCH_CONNECTIONS ?? "50,200").split(",").map(Number);
const profile = process.env.BENCH_PROFILE === "1";
// The API's node flags as docker/api.Dockerfile runs it (BENCH_NODE_FLAGS="" measures without them).
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? "--max-semi-space-size=64").split(" ").filter(Boolean);
const apiDir = path.resolve(import.meta.dirname, "../..");
const outDir = path.join(apiDir, ".bench");
mkdirSync(outDir, { recursive: true });
const say = (line: string) => console.log(`[bench:api] ${line}`);

// Ports the OS says are free (fixed ones collide with other runs, e.g. the e2e suite's API on 4610).
const [API_PORT, PG_PORT, BARE_PORT] = await Promise.all([freePort(), freePort(), freePort()]);
const PUBLIC_URL = "http://localhost:3000";
const credentials = generateCredentialsKeyPair();
const secrets = {
  AUTH_SECRET: randomBytes(32).toString("hex"),
  AUDIT_SIGNING_KEY: randomBytes(32).toString("base64"),
  OPERATION_SIGNING_KEY: randomBytes(32).toString("base64"),
  PULUMI_CONFIG_PASSPHRASE: randomBytes(16).toString("hex"),
  CREDENTIALS_PUBLIC_KEY: credentials.publicKey,
};

// The console's first request for the list: tRPC batch format, superjson input, default query.
const listInput = { sort: "legalName", direction: "asc", page: 1, pageSize: 25 };
const LIST_PATH = `/api/trpc/institutions.find?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: superjson.serialize(listInput) }))}`;

const database = await createTestDatabase(serverUrl);
const children: ChildProcess[] = [];
let stopping = false;
try {
  say("seeding demo data and a realistic fleet…");
  const db = createDb(database.url, { poolSize: 2 });
  await seedDemoData(db, { authSecret: secrets.AUTH_SECRET, encryptCredentials: createCredentialsSealer(credentials.publicKey).encrypt });
  await db.$disconnect();
  const counts = await seedFleet(database.url);
  say(
    `fleet: ${Object.entries(counts)
      .map(([t, n]) => `${n.toLocaleString("en")} ${t}`)
      .join(", ")}`,
  );

  const apiOutput: string[] = [];
  const api = spawn(
    process.execPath,
    [
      ...nodeFlags,
      ...(profile ? ["--cpu-prof", `--cpu-prof-dir=${path.join(outDir, "profiles")}`] : []),
      "--import",
      "tsx",
      "src/server.ts",
    ],
    {
      cwd: apiDir,
      env: {
        ...process.env,
        ...secrets,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        API_PORT: String(API_PORT),
        PUBLIC_URL,
        LOG_LEVEL: "warn",
        // Production refuses the local defaults; any valid region and mail server will do for a read
        // benchmark (nothing is sent).
        SAAS_REGION_NAMES: "bench-region",
        SMTP_URL: "smtp://127.0.0.1:2525",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  children.push(api);
  api.stdout?.on("data", (d: Buffer) => apiOutput.push(d.toString()));
  api.stderr?.on("data", (d: Buffer) => apiOutput.push(d.toString()));
  const apiBase = `http://127.0.0.1:${API_PORT}`;
  await waitFor(`${apiBase}/readyz`, api).catch((err: Error) => {
    throw new Error(`${err.message}:\n${apiOutput.join("").slice(-2000)}`);
  });
  api.once("exit", (code, signal) => {
    if (!stopping)
      console.error(`[bench:api] the API exited during the benchmark (${signal ?? code}):\n${apiOutput.join("").slice(-2000)}`);
  });

  const cookie = await signIn(apiBase, PUBLIC_URL, "admin@opus.example");
  const first = await fetch(apiBase + LIST_PATH, { headers: { cookie } });
  const page = await first.text();
  if (first.status !== 200) throw new Error(`the API answered ${first.status}: ${page.slice(0, 500)}`);
  const bodyFile = path.join(outDir, "page.json");
  writeFileSync(bodyFile, page);
  say(
    `page: ${(page.length / 1024).toFixed(1)} KB, ${superjson.deserialize<{ total: number }>(JSON.parse(page)[0].result.data).total} institutions`,
  );

  const baseline = fork(
    path.join(import.meta.dirname, "baseline-server.ts"),
    [database.url, String(PG_PORT), String(BARE_PORT), bodyFile],
    {
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    },
  );
  children.push(baseline);
  await new Promise<void>((resolve) => baseline.once("message", () => resolve()));

  const targets: { name: string; url: string; headers: Record<string, string>; pid: number }[] = [
    { name: "API (signed in)", url: apiBase + LIST_PATH, headers: { cookie }, pid: api.pid as number },
    { name: "raw pg: count + page", url: `http://127.0.0.1:${PG_PORT}/`, headers: {}, pid: baseline.pid as number },
    { name: "bare Node handler", url: `http://127.0.0.1:${BARE_PORT}/`, headers: {}, pid: baseline.pid as number },
  ];
  type Sample = { rps: number; p50: number; p99: number; errors: number; non2xx: number; cpuPerRequest: number };
  const samples = new Map<string, Sample[]>();

  for (const connections of connectionLevels) {
    for (const target of targets) await load(target.url, target.headers, connections, 2); // warm-up
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) {
        const cpuBefore = cpuMillis(target.pid);
        const result = await load(target.url, target.headers, connections, seconds);
        const cpu = cpuMillis(target.pid) - cpuBefore;
        const key = `${connections}|${target.name}`;
        const list = samples.get(key) ?? [];
        list.push({
          rps: result.requests.average,
          p50: result.latency.p50,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
          non2xx: result.non2xx,
          cpuPerRequest: cpu / Math.max(result.requests.total, 1),
        });
        samples.set(key, list);
        say(`${connections} conn, round ${round}, ${target.name}: ${result.requests.average.toFixed(0)} req/s`);
      }
    }
  }

  // SIGTERM straight after load, with requests still in flight: a clean shutdown finishes them.
  const inFlight = Array.from({ length: 50 }, () =>
    fetch(apiBase + LIST_PATH, { headers: { cookie } }).then(
      (r) => r.status,
      () => 0,
    ),
  );
  await new Promise((r) => setTimeout(r, 100)); // let the server accept them
  stopping = true;
  const stopAt = Date.now();
  api.kill("SIGTERM");
  const [exitCode] = await Promise.all([
    new Promise<number | null>((resolve) => api.once("exit", (code) => resolve(code))),
    Promise.all(inFlight),
  ]);
  const statuses = await Promise.all(inFlight);
  const shutdownMs = Date.now() - stopAt;
  const logged = apiOutput.join("");

  console.log(
    `\nInstitutions list, ${counts.institution?.toLocaleString("en")} institutions, ${rounds} rounds of ${seconds} s, alternating; median [min–max] of rounds`,
  );
  for (const connections of connectionLevels) {
    console.log(`\n${connections} connections`);
    console.log(
      `${"target".padEnd(24)}${"req/s".padEnd(22)}${"p50 ms".padEnd(10)}${"p99 ms".padEnd(10)}${"errors (non-2xx)".padEnd(18)}CPU ms/req (its process)`,
    );
    for (const target of targets) {
      const list = samples.get(`${connections}|${target.name}`) ?? [];
      const rps = list.map((s) => s.rps);
      console.log(
        `${target.name.padEnd(24)}${`${median(rps).toFixed(0)} [${Math.min(...rps).toFixed(0)}–${Math.max(...rps).toFixed(0)}]`.padEnd(22)}` +
          `${median(list.map((s) => s.p50))
            .toFixed(0)
            .padEnd(10)}${median(list.map((s) => s.p99))
            .toFixed(0)
            .padEnd(10)}` +
          `${`${list.reduce((n, s) => n + s.errors, 0)} (${list.reduce((n, s) => n + s.non2xx, 0)})`.padEnd(18)}${median(list.map((s) => s.cpuPerRequest)).toFixed(2)}`,
      );
    }
    const rpsOf = (name: string) => median((samples.get(`${connections}|${name}`) ?? []).map((s) => s.rps));
    const apiRps = rpsOf("API (signed in)");
    console.log(
      `ratios: API / raw pg = ${(apiRps / rpsOf("raw pg: count + page")).toFixed(2)}, API / bare = ${(apiRps / rpsOf("bare Node handler")).toFixed(3)}`,
    );
  }
  const answered = statuses.filter((s) => s === 200).length;
  const noisy = logged.split("\n").filter((l) => /error|Unknown transaction status/i.test(l));
  console.log(
    `\nshutdown: SIGTERM with 50 requests in flight → exit code ${exitCode} after ${shutdownMs} ms; ${answered}/50 answered 200 (others: ${statuses.filter((s) => s !== 200).join(", ") || "none"}); ` +
      `${
        noisy.length
          ? `logged:\n${noisy
              .slice(0, 3)
              .map((l) => l.slice(0, 240))
              .join("\n")}`
          : "no errors logged"
      }`,
  );
  if (profile) say(`CPU profile written to ${path.join(outDir, "profiles")}`);
} finally {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
  await database.drop();
}

function load(url: string, headers: Record<string, string>, connections: number, duration: number) {
  return autocannon({ url, headers, connections, duration, pipelining: 1 });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

async function waitFor(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the process serving ${url} exited (${child.exitCode})`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}
