// Builds what the agent's image runs (`pnpm --filter @opus/api build:agent`, docker/agent.Dockerfile):
// dist/agent/agent.js, src/agent.ts bundled with the workspace code it imports (no tsx, no database
// client, none of the API server's routes), and beside it a production node_modules holding only
// the Pulumi SDKs of the tenant program, which stay real packages: the Automation API and the
// program it runs in-process must share one @pulumi/pulumi, and the SDKs read their own files.
// The agent tests start this output (test/agent/agent-bundle.test.ts): what they run is what ships.
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build, type Plugin } from "esbuild";

const apiDir = path.resolve(import.meta.dirname, "..");
const root = path.resolve(apiDir, "../..");
export const AGENT_BUNDLE_DIR = path.join(apiDir, "dist/agent");

/** The packages left outside the bundle: the tenant program's Pulumi SDKs (packages/provisioner's dependencies). */
export function externalPackages(): string[] {
  const provisioner = JSON.parse(readFileSync(path.join(root, "packages/provisioner/package.json"), "utf8"));
  return Object.keys(provisioner.dependencies).filter((name) => name.startsWith("@pulumi/"));
}

/**
 * Node's ES module loader resolves no directory of a CommonJS package (`@pulumi/pulumi/automation`
 * is one, which tsx forgave): each deep import of an external package is written as the file it
 * resolves to, so the bundle's `import` names `@pulumi/pulumi/automation/index.js`.
 */
function externalFiles(packages: string[]): Plugin {
  const requireFrom = createRequire(path.join(root, "packages/provisioner/package.json"));
  return {
    name: "external-files",
    setup(on) {
      on.onResolve({ filter: /^@pulumi\// }, ({ path: specifier }) => {
        const name = packages.find((p) => specifier === p || specifier.startsWith(`${p}/`));
        if (!name || specifier === name) return { path: specifier, external: true };
        const file = requireFrom.resolve(specifier);
        const packageDir = path.dirname(requireFrom.resolve(`${name}/package.json`));
        return { path: `${name}/${path.relative(packageDir, file).split(path.sep).join("/")}`, external: true };
      });
    },
  };
}

export async function buildAgent(outDir = AGENT_BUNDLE_DIR): Promise<void> {
  rmSync(outDir, { recursive: true, force: true });
  // packages/provisioner's production dependencies from the workspace lockfile (offline: the
  // store already holds them after `pnpm install`). Its own sources are bundled, so they go.
  execFileSync("pnpm", ["--filter", "@opus/provisioner", "deploy", "--prod", "--offline", outDir], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (const entry of ["src", "test", "tsconfig.json", "vitest.config.ts", "pnpm-workspace.yaml"]) {
    rmSync(path.join(outDir, entry), { recursive: true, force: true });
  }
  writeFileSync(
    path.join(outDir, "package.json"),
    `${JSON.stringify({ name: "@opus/agent", private: true, type: "module", main: "agent.js" }, null, 2)}\n`,
  );
  await build({
    entryPoints: { agent: path.join(apiDir, "src/agent.ts") },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    plugins: [externalFiles(externalPackages())],
    // Bundled CommonJS dependencies (pino, prom-client) call require(); ESM output has none of its own.
    banner: { js: "import { createRequire as __agentRequire } from 'node:module'; const require = __agentRequire(import.meta.url);" },
    sourcemap: "linked",
    legalComments: "linked",
    logLevel: "warning",
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename) {
  await buildAgent();
  console.log(`agent bundle written to ${path.relative(process.cwd(), AGENT_BUNDLE_DIR)}`);
}
