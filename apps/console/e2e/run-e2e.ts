// `pnpm --filter @opus/console e2e [playwright args]`: the console's end-to-end suite against the
// real API. Creates an isolated, seeded database on the PostgreSQL server in DATABASE_URL, builds
// the console when its build is stale, starts the API and `next start` on free ports, runs
// Playwright, then stops everything, drops the database and exits with Playwright's exit code.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync } from "node:fs";
import { mkdir, open, readdir, readFile, stat, unlink } from "node:fs/promises";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { createDb } from "@opus/db/client";
import { seedDemoData } from "@opus/db/seed";
import { createTestDatabase } from "@opus/db/test-database";
import { createCredentialsSealer, generateCredentialsKeyPair } from "../../api/src/lib/credentials-envelope.ts";

const consoleDir = path.resolve(import.meta.dirname, "..");
const apiDir = path.resolve(consoleDir, "../api");
const resultsDir = path.join(consoleDir, "test-results");
const require = createRequire(import.meta.url);

const AUTH_SECRET = `e2e-auth-secret-${randomBytes(16).toString("hex")}`;
// The API seals with the public key; only the worker is given the private one.
const CREDENTIALS = generateCredentialsKeyPair();
// Stable ports when free, so the console build (which has the API origin compiled into its
// rewrites) can be reused from one run to the next.
// E2E_PORT_BASE moves both (API = base + 1000) so parallel checkouts on one machine do not collide.
const PORT_BASE = Number(process.env.E2E_PORT_BASE ?? 3610);
const DEFAULT_API_PORT = PORT_BASE + 1000;
const PREFERRED_CONSOLE_PORT = PORT_BASE;
const BUILD_INPUTS = ["src", "messages", "next.config.ts", "postcss.config.mjs", "package.json", "tsconfig.json"];

const children: ChildProcess[] = [];
let stopping = false;

function log(message: string) {
  console.log(`[e2e] ${message}`);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    // Every interface, as the API listens: a port taken on "::" is not free on 127.0.0.1 either.
    server.listen(port, () => server.close(() => resolve(true)));
  });
}

function anyFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

async function freePort(preferred: number): Promise<number> {
  return (await portIsFree(preferred)) ? preferred : anyFreePort();
}

async function newestMtime(target: string): Promise<number> {
  const info = await stat(target);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(target);
  const times = await Promise.all(entries.map((entry) => newestMtime(path.join(target, entry))));
  return Math.max(info.mtimeMs, ...times);
}

/** The API port the existing build proxies to (e.g. `pnpm start`'s), so that build can be reused. */
async function builtApiPort(): Promise<number> {
  const manifest = path.join(consoleDir, ".next/routes-manifest.json");
  if (!existsSync(manifest)) return DEFAULT_API_PORT;
  const port = /http:\/\/127\.0\.0\.1:(\d+)\/api\//.exec(await readFile(manifest, "utf8"))?.[1];
  return port ? Number(port) : DEFAULT_API_PORT;
}

/** A build is reusable when it is newer than every input and proxies to this run's API origin. */
async function buildIsFresh(apiOrigin: string): Promise<boolean> {
  const buildId = path.join(consoleDir, ".next/BUILD_ID");
  const manifest = path.join(consoleDir, ".next/routes-manifest.json");
  if (!existsSync(buildId) || !existsSync(manifest)) return false;
  if (!(await readFile(manifest, "utf8")).includes(`${apiOrigin}/api/`)) return false;
  const builtAt = (await stat(buildId)).mtimeMs;
  const inputs = await Promise.all(BUILD_INPUTS.map((input) => newestMtime(path.join(consoleDir, input))));
  return Math.max(...inputs) < builtAt;
}

function start(name: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; logFile?: string }): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const sink = options.logFile ? createWriteStream(options.logFile) : process.stdout;
  child.stdout?.pipe(sink);
  child.stderr?.pipe(options.logFile ? sink : process.stderr);
  child.once("exit", (code, signal) => {
    if (!stopping && code !== 0 && signal === null)
      log(`${name} exited with code ${code}${options.logFile ? ` (log: ${path.relative(process.cwd(), options.logFile)})` : ""}`);
  });
  return child;
}

function exited(child: ChildProcess): Promise<number> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

async function waitForOk(url: string, child: ChildProcess, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited before it was ready`);
    const ok = await fetch(url).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} was not ready after ${timeoutMs / 1000}s`);
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  await exited(child);
  clearTimeout(timer);
}

async function summarize(reportFile: string) {
  if (!existsSync(reportFile)) return;
  const report = JSON.parse(await readFile(reportFile, "utf8")) as {
    stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number; duration?: number };
  };
  const s = report.stats ?? {};
  log(`finished in ${Math.round((s.duration ?? 0) / 1000)}s`);
  // One plain closing line with the totals from Playwright's own report, for CI to read.
  console.log(`e2e: ${(s.expected ?? 0) + (s.flaky ?? 0)} passed, ${s.unexpected ?? 0} failed, ${s.skipped ?? 0} skipped`);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs in the same checkout share the console build (.next, which a run may rebuild for its own API
 * port) and the results folder, so a second run waits for the first instead of breaking it.
 */
async function acquireRunLock(): Promise<() => Promise<void>> {
  const lockFile = path.join(resultsDir, ".e2e-run.lock");
  let announced = false;
  for (;;) {
    try {
      const handle = await open(lockFile, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(lockFile).catch(() => undefined);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = Number(await readFile(lockFile, "utf8").catch(() => ""));
    if (!holder || !isRunning(holder)) {
      // Left behind by a run that was killed: take it over.
      await unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (!announced) log(`waiting for the e2e run in progress (pid ${holder}) to finish`);
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

async function main(): Promise<number> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error("DATABASE_URL is required: a PostgreSQL server, e.g. postgresql://postgres@127.0.0.1:5432/postgres");
  await mkdir(resultsDir, { recursive: true });
  const releaseLock = await acquireRunLock();
  try {
    return await runSuite(serverUrl);
  } finally {
    await releaseLock();
  }
}

async function runSuite(serverUrl: string): Promise<number> {
  const database = await createTestDatabase(serverUrl);
  log(`database ${new URL(database.url).pathname.slice(1)}`);
  try {
    const db = createDb(database.url, { poolSize: 2 });
    try {
      await seedDemoData(db, { authSecret: AUTH_SECRET, encryptCredentials: createCredentialsSealer(CREDENTIALS.publicKey).encrypt });
    } finally {
      await db.$disconnect();
    }

    const apiPort = await freePort(await builtApiPort());
    const consolePort = await freePort(PREFERRED_CONSOLE_PORT);
    const apiOrigin = `http://127.0.0.1:${apiPort}`;
    const consoleOrigin = `http://127.0.0.1:${consolePort}`;
    const nextBin = require.resolve("next/dist/bin/next");
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

    if (await buildIsFresh(apiOrigin)) {
      log("console build is up to date");
    } else {
      log(`building the console (API_ORIGIN=${apiOrigin})`);
      const build = start("next build", [nextBin, "build"], {
        cwd: consoleDir,
        env: { ...env, NODE_ENV: "production", API_ORIGIN: apiOrigin },
      });
      if ((await exited(build)) !== 0) throw new Error("next build failed");
    }

    const apiEnv = {
      ...env,
      NODE_ENV: "test" as const,
      DATABASE_URL: database.url,
      API_PORT: String(apiPort),
      PUBLIC_URL: consoleOrigin,
      AUTH_SECRET,
      CREDENTIALS_PUBLIC_KEY: CREDENTIALS.publicKey,
      LOG_LEVEL: "warn",
      // Outgoing e-mail lands in the results folder, not in the developer's .data/outbox.
      DATA_DIR: path.join(resultsDir, "e2e-data"),
      // The suite signs the same demo people in from one address, dozens of times a minute, in
      // parallel: the real limits would refuse it (apps/api/test/integration/perimeter.test.ts covers them).
      RATE_LIMITS: JSON.stringify({
        signInPerIp: { points: 100_000, seconds: 60 },
        signInPerAccount: { points: 100_000, seconds: 60 },
        twoFactorPerIp: { points: 100_000, seconds: 60 },
        twoFactorPerChallenge: { points: 100_000, seconds: 60 },
        signupPerIp: { points: 100_000, seconds: 60 },
        invitationPerIp: { points: 100_000, seconds: 60 },
      }),
    };
    const api = start("API", ["--import", "tsx", "src/server.ts"], {
      cwd: apiDir,
      env: apiEnv,
      logFile: path.join(resultsDir, "e2e-api.log"),
    });
    // The real worker with an engine double (the Pulumi CLI cannot run here): see apps/api/test/support/e2e-worker.ts.
    start("worker", ["--import", "tsx", "test/support/e2e-worker.ts"], {
      cwd: apiDir,
      env: { ...apiEnv, CREDENTIALS_PRIVATE_KEYS: CREDENTIALS.privateKey, DRIFT_CHECK_MINUTES: "0", WORKER_CONCURRENCY: "4" },
      logFile: path.join(resultsDir, "e2e-worker.log"),
    });
    // Idle connections kept open 65 s, as in the image (docker/console.Dockerfile): with Node's 5 s a
    // client reusing a connection the server was just closing got ECONNRESET (seen on CI).
    const web = start(
      "console",
      [nextBin, "start", "--port", String(consolePort), "--hostname", "127.0.0.1", "--keepAliveTimeout", "65000"],
      {
        cwd: consoleDir,
        env: { ...env, NODE_ENV: "production" },
        logFile: path.join(resultsDir, "e2e-console.log"),
      },
    );
    await Promise.all([waitForOk(`${apiOrigin}/readyz`, api, 60_000), waitForOk(`${consoleOrigin}/sign-in`, web, 60_000)]);
    log(`API ${apiOrigin}, console ${consoleOrigin}`);

    const playwrightCli = require.resolve("@playwright/test/cli");
    const playwright = spawn(process.execPath, [playwrightCli, "test", ...process.argv.slice(2)], {
      cwd: consoleDir,
      env: { ...env, E2E_BASE_URL: consoleOrigin, E2E_DATABASE_URL: database.url },
      stdio: "inherit",
    });
    children.push(playwright);
    const code = await exited(playwright);
    await summarize(path.join(resultsDir, "e2e-report.json"));
    return code;
  } finally {
    stopping = true;
    await Promise.all(children.map(stop));
    await database.drop();
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    // Children are stopped and the database dropped by main's finally once Playwright exits.
    for (const child of children) child.kill(signal);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
