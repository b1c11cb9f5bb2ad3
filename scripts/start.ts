// `pnpm start`: the whole control plane on one machine. With no DATABASE_URL it runs an embedded
// PostgreSQL under .data/ (kept between starts), applies migrations, seeds demo data once, builds
// the console when its sources changed, then runs the API, the worker and the console.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createDb } from "@opus/db/client";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { migrate } from "@opus/db/migrate";
import { seedDemoData } from "@opus/db/seed";
import { parseApiEnv } from "../apps/api/src/env/api-env.ts";
import { parseWorkerEnv } from "../apps/api/src/env/worker-env.ts";
import { createCredentialsSealer, credentialsPublicKeyOf } from "../apps/api/src/lib/credentials-envelope.ts";
import { resolveDatabase } from "./lib/database.ts";

const root = path.resolve(import.meta.dirname, "..");
const consoleDir = path.join(root, "apps/console");
const dataDir = path.resolve(root, process.env.DATA_DIR ?? ".data");
const consolePort = Number(process.env.PORT ?? 3000);
const apiPort = Number(process.env.API_PORT ?? 4000);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${consolePort}`;

const t0 = Date.now();
const say = (line: string) => console.log(`[start] ${line}`);

const database = await resolveDatabase({ dataDir, port: Number(process.env.EMBEDDED_PG_PORT ?? 54329), database: "opus" });
say(database.embedded ? `embedded PostgreSQL running (data in ${path.relative(root, dataDir)}/postgres)` : "using DATABASE_URL");

const childEnv: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  DATA_DIR: dataDir,
  API_PORT: String(apiPort),
  PUBLIC_URL: publicUrl,
};
// One machine runs both: unless told otherwise, the API offers the regions the worker is given.
if (childEnv.SAAS_REGIONS && !childEnv.SAAS_REGION_NAMES) {
  childEnv.SAAS_REGION_NAMES = Object.keys(parseWorkerEnv(childEnv).SAAS_REGIONS).join(",");
}
// The worker's private key given, its public key follows for the API (which seals with it).
if (childEnv.CREDENTIALS_PRIVATE_KEYS && !childEnv.CREDENTIALS_PUBLIC_KEY) {
  const [current] = childEnv.CREDENTIALS_PRIVATE_KEYS.split(",");
  if (current) childEnv.CREDENTIALS_PUBLIC_KEY = credentialsPublicKeyOf(current.trim());
}
// The API's settings: the seed signs in with its AUTH_SECRET and seals credentials with its key.
const config = parseApiEnv(childEnv);
const applied = await migrate(database.url);
say(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema up to date");
const db = createDb(database.url, { poolSize: 2 });
const seeded = await seedDemoData(db, {
  authSecret: config.AUTH_SECRET,
  encryptCredentials: createCredentialsSealer(config.CREDENTIALS_PUBLIC_KEY).encrypt,
});
await db.$disconnect();
say(seeded === "seeded" ? "demo data seeded" : "demo data already present (kept)");

const apiOrigin = `http://127.0.0.1:${apiPort}`;
buildConsoleIfChanged(apiOrigin);

const children: ChildProcess[] = [];
function run(name: string, command: string, args: string[], cwd: string) {
  const child = spawn(command, args, {
    cwd,
    env: { ...childEnv, API_ORIGIN: apiOrigin },
    stdio: ["ignore", "inherit", "inherit"],
  });
  child.on("exit", (code, signal) => {
    if (!stopping) {
      say(`${name} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  children.push(child);
}
const tsx = path.join(root, "node_modules/.bin/tsx");
run("api", tsx, ["src/server.ts"], path.join(root, "apps/api"));
run("worker", tsx, ["src/worker.ts"], path.join(root, "apps/api"));
run(
  "console",
  path.join(consoleDir, "node_modules/.bin/next"),
  ["start", "-p", String(consolePort), "--keepAliveTimeout", "65000"],
  consoleDir,
);

await waitFor(`http://127.0.0.1:${apiPort}/readyz`);
await waitFor(`http://127.0.0.1:${consolePort}/sign-in`);
printBanner();

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : null)));
  await database.stop();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

async function waitFor(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  say(`${url} did not answer within ${timeoutMs / 1000}s`);
  await stop(1);
}

/** Rebuilds the console only when a source file changed since the last build (hash of paths + mtimes). */
function buildConsoleIfChanged(apiOrigin: string) {
  const stampFile = path.join(consoleDir, ".next/opus-source-stamp");
  // The API address is compiled into the console's rewrites, so it is part of the stamp.
  const hash = createHash("sha256").update(apiOrigin);
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if ([".next", "node_modules", "test-results", "e2e"].includes(entry.name)) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(`${full}:${statSync(full).mtimeMs}`);
    }
  };
  walk(consoleDir);
  walk(path.join(root, "apps/api/src"));
  const stamp = hash.digest("hex");
  if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) return say("console build up to date");
  say("building the console (first start or sources changed)…");
  const built = spawnSync(path.join(consoleDir, "node_modules/.bin/next"), ["build"], {
    cwd: consoleDir,
    stdio: "inherit",
    env: { ...process.env, API_ORIGIN: apiOrigin, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (built.status !== 0) {
    say("console build failed");
    process.exit(1);
  }
  writeFileSync(stampFile, stamp);
}

function printBanner() {
  const rows = DEMO_ACCOUNTS.map((a) => {
    const role = a.staffRole
      ? `Opus ${a.staffRole.toLowerCase()}`
      : `${a.membership?.role.toLowerCase()} of ${a.membership?.institutionSlug}`;
    return `    ${a.email.padEnd(28)} ${role}${a.totpSecret ? `  (TOTP: pnpm totp ${a.email})` : ""}`;
  });
  console.log(
    [
      "",
      `  Opus control plane is running (ready in ${((Date.now() - t0) / 1000).toFixed(1)}s)`,
      `  Console:  ${publicUrl}`,
      `  API:      http://localhost:${apiPort}  (/healthz, /readyz)`,
      "",
      `  Demo sign-ins (password for all: ${DEMO_PASSWORD})`,
      ...rows,
      "",
      "  Stop with Ctrl+C; data is kept in .data/ for the next start.",
      "",
    ].join("\n"),
  );
}
