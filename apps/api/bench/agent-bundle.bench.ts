// `pnpm --filter @opus/api bench:agent-bundle`: what the agent image's bundle (build:agent) costs
// beside running the agent from source as the API image did (`node --import tsx src/agent.ts`):
// time from process start to "agent started" (run mode: env parsed, the Pulumi engine and the tenant
// program's SDKs loaded, the CLI looked for), resident memory then, and the files each needs
// (the bundle directory against a production `pnpm deploy` of @opus/api, which the API image's
// pruning of optional peers trims further). Interleaved, same minutes.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { buildAgent } from "../scripts/build-agent.ts";

const ROUNDS = Number(process.env.ROUNDS ?? 10);
const apiDir = path.resolve(import.meta.dirname, "..");
const root = path.resolve(apiDir, "../..");
const work = mkdtempSync(path.join(tmpdir(), "opus-agent-bench-"));
const bundleDir = path.join(work, "agent");
await buildAgent(bundleDir);

const credentials = path.join(work, "credentials.json");
writeFileSync(credentials, JSON.stringify({ kubeconfig: "apiVersion: v1\nkind: Config\n" }));
const env = {
  PATH: process.env.PATH,
  NODE_ENV: "test",
  // Nothing listens there: the agent starts, then its claims fail; only start-up is measured.
  CONTROL_PLANE_URL: "http://127.0.0.1:9",
  AGENT_KEY: "opus_uk_bench",
  CONTROL_PLANE_PUBLIC_KEY: Buffer.alloc(32, 3).toString("base64"),
  AGENT_INSTITUTION_ID: "bench",
  AGENT_CREDENTIALS_FILE: credentials,
  AGENT_POLL_MS: "600000",
  PULUMI_CLI_ROOT: path.join(work, "no-cli"),
};

type Sample = { ms: number; rssMb: number };
function startOnce(args: string[], cwd: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const stateDir = mkdtempSync(path.join(work, "state-"));
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { cwd, env: { ...env, AGENT_STATE_DIR: stateDir }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no "agent started" within 60 s:\n${output}`));
    }, 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes("agent started")) return;
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      const rssMb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
      clearTimeout(timer);
      child.kill("SIGKILL");
      child.once("exit", () => resolve({ ms, rssMb }));
    });
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const bundle: Sample[] = [];
const source: Sample[] = [];
for (let i = 0; i < ROUNDS; i++) {
  bundle.push(await startOnce(["--enable-source-maps", path.join(bundleDir, "agent.js")], bundleDir));
  source.push(await startOnce(["--import", "tsx", "src/agent.ts"], apiDir));
}

const sizeMb = (dir: string) => Number(execFileSync("du", ["-sk", dir], { encoding: "utf8" }).split("\t")[0]) / 1024;
const apiDeploy = path.join(work, "api-deploy");
// As docker/api.Dockerfile installs it: production only, no install scripts (its Prisma client is generated apart).
execFileSync("pnpm", ["--filter", "@opus/api", "deploy", "--prod", "--offline", "--ignore-scripts", apiDeploy], {
  cwd: root,
  stdio: "ignore",
});

const load = loadavg()
  .map((l) => l.toFixed(2))
  .join(", ");
const row = (label: string, b: number, s: number, unit: string, names = ["bundle", "source (tsx)"]) =>
  console.log(
    `${label.padEnd(26)} ${names[0]} ${b.toFixed(0).padStart(5)} ${unit} · ${names[1]} ${s.toFixed(0).padStart(5)} ${unit} · ${(b / s).toFixed(2)}×`,
  );
console.log(`agent start-up, run mode, ${ROUNDS} interleaved rounds each, medians (load average ${load})`);
row("start to 'agent started'", median(bundle.map((s) => s.ms)), median(source.map((s) => s.ms)), "ms");
row("resident memory then", median(bundle.map((s) => s.rssMb)), median(source.map((s) => s.rssMb)), "MB");
row("files on disk", sizeMb(bundleDir), sizeMb(apiDeploy), "MB", ["dist/agent", "API pnpm deploy --prod"]);
rmSync(work, { recursive: true, force: true });
