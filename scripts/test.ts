// `pnpm test`: every check and test of the project, ending with one honest line "N passed, N failed".
// Stages: type check (per package), lint, vitest (unit + API integration against real PostgreSQL),
// Playwright end to end in Debian's Chromium. With DATABASE_URL set (CI) tests use that server,
// each test file in its own cloned database; without it an embedded PostgreSQL is started.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { resolveDatabase } from "./lib/database.ts";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".data/test-reports");
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

type Stage = { name: string; passed: number; failed: number; skipped: number; seconds: number; note?: string };
const stages: Stage[] = [];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd = root) {
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env, stdio: "inherit" });
  return { ok: result.status === 0, seconds: (Date.now() - started) / 1000 };
}

function banner(title: string) {
  console.log(`\n━━━ ${title} ${"━".repeat(Math.max(0, 70 - title.length))}`);
}

const database = await resolveDatabase({ dataDir: path.join(root, ".data/test"), port: 54330, database: "postgres" });
const env = { ...process.env, DATABASE_URL: database.url, NODE_ENV: "test", NEXT_TELEMETRY_DISABLED: "1" };
console.log(database.embedded ? "Using an embedded PostgreSQL (no DATABASE_URL set)." : "Using the PostgreSQL server in DATABASE_URL.");

try {
  for (const pkg of [
    "@opus/db",
    "@opus/rules",
    "@opus/provisioner",
    "@opus/api",
    "@opus/console",
    "@opus/pulumi-tenant",
    "@opus/pulumi-control-plane",
  ]) {
    banner(`type check ${pkg}`);
    const r = run("pnpm", ["--filter", pkg, "--if-present", "typecheck"], env);
    stages.push({ name: `typecheck ${pkg}`, passed: r.ok ? 1 : 0, failed: r.ok ? 0 : 1, skipped: 0, seconds: r.seconds });
  }

  banner("lint (biome)");
  const lint = run("pnpm", ["exec", "biome", "check", "."], env);
  stages.push({ name: "lint", passed: lint.ok ? 1 : 0, failed: lint.ok ? 0 : 1, skipped: 0, seconds: lint.seconds });

  banner("unit and integration tests (vitest)");
  const vitestReport = path.join(reports, "vitest.json");
  const vitest = run("pnpm", ["exec", "vitest", "run", "--reporter=default", "--reporter=json", `--outputFile=${vitestReport}`], env);
  stages.push(readVitest(vitestReport, vitest));

  banner("end to end (Playwright in Chromium)");
  const e2eReport = path.join(root, "apps/console/test-results/e2e-report.json");
  rmSync(e2eReport, { force: true });
  const e2e = run("pnpm", ["--filter", "@opus/console", "e2e"], env);
  stages.push(readPlaywright(e2eReport, e2e));
} finally {
  await database.stop();
}

function readVitest(file: string, r: { ok: boolean; seconds: number }): Stage {
  if (!existsSync(file))
    return { name: "vitest", passed: 0, failed: 1, skipped: 0, seconds: r.seconds, note: "no report: the runner crashed" };
  const report = JSON.parse(readFileSync(file, "utf8")) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    success: boolean;
  };
  // A suite that fails to load counts no tests; count it as a failure so the total stays honest.
  const crashed = !r.ok && report.numFailedTests === 0 ? 1 : 0;
  return {
    name: "vitest",
    passed: report.numPassedTests,
    failed: report.numFailedTests + crashed,
    skipped: report.numPendingTests + report.numTodoTests,
    seconds: r.seconds,
  };
}

function readPlaywright(file: string, r: { ok: boolean; seconds: number }): Stage {
  if (!existsSync(file))
    return { name: "playwright", passed: 0, failed: 1, skipped: 0, seconds: r.seconds, note: "no report: the runner crashed" };
  const { stats } = JSON.parse(readFileSync(file, "utf8")) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  const crashed = !r.ok && stats.unexpected === 0 ? 1 : 0;
  return {
    name: "playwright",
    passed: stats.expected,
    failed: stats.unexpected + stats.flaky + crashed,
    skipped: stats.skipped,
    seconds: r.seconds,
  };
}

banner("summary");
for (const s of stages) {
  const extra = [s.skipped ? `${s.skipped} skipped` : "", s.note ?? ""].filter(Boolean).join(", ");
  console.log(
    `${s.name.padEnd(38)} ${String(s.passed).padStart(5)} passed ${String(s.failed).padStart(4)} failed  ${s.seconds.toFixed(1).padStart(6)}s${extra ? `  (${extra})` : ""}`,
  );
}
const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
