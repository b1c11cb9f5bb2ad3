// The control plane's container images (docker/*.Dockerfile) cannot be built here (no Docker
// engine), so their rules are checked on the files: pinned bases, multi-stage, non-root, entry points
// that exist, the ports and commands pulumi/control-plane uses, pinned and verified Pulumi downloads.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseControlPlaneConfig } from "../../../pulumi/control-plane/config.ts";
import { API_PORT, CONSOLE_PORT } from "../../../pulumi/control-plane/control-plane.ts";
import { REPORT_AGENT_PORT } from "../src/report-agent-values.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

type Instruction = { keyword: string; args: string };
type Stage = { image: string; alias: string | undefined; instructions: Instruction[] };

/** Dockerfile instructions with line continuations joined and comments dropped. */
function parseDockerfile(text: string): Instruction[] {
  const logical: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    // Comments (also those inside a continued instruction, which Docker skips too).
    if (/^\s*#/.test(line)) continue;
    const continued = line.endsWith("\\");
    current += `${continued ? line.slice(0, -1) : line} `;
    if (!continued) {
      if (current.trim()) logical.push(current.trim());
      current = "";
    }
  }
  return logical.map((line) => {
    const [keyword = "", ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
  });
}

function stages(instructions: Instruction[]): Stage[] {
  const result: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === "FROM") {
      const [image = "", as, alias] = instruction.args.replace(/--platform=\S+\s*/, "").split(/\s+/);
      result.push({ image, alias: as?.toUpperCase() === "AS" ? alias : undefined, instructions: [] });
    } else result.at(-1)?.instructions.push(instruction);
  }
  return result;
}

const args = (stage: Stage) =>
  Object.fromEntries(
    stage.instructions
      .filter((i) => i.keyword === "ARG")
      .map((i) => {
        const [name = "", value] = i.args.split("=");
        return [name, value];
      }),
  );
const last = (stage: Stage, keyword: string) => stage.instructions.filter((i) => i.keyword === keyword).at(-1)?.args;
const execForm = (value: string | undefined): string[] => JSON.parse(value ?? "[]");

const IMAGES = {
  api: { file: "docker/api.Dockerfile", port: API_PORT },
  console: { file: "docker/console.Dockerfile", port: CONSOLE_PORT },
  agent: { file: "docker/agent.Dockerfile", port: REPORT_AGENT_PORT },
};

/** pulumi/control-plane's defaults: the commands and paths it expects of the images. */
const defaults = parseControlPlaneConfig({
  host: "console.opus.cloud",
  images: { api: "api:1.0.0", console: "console:1.0.0", agent: "agent:1.0.0" },
  saasRegions: ["sa-east-1"],
  credentialsPublicKey: Buffer.alloc(32, 9).toString("base64"),
  worker: { pulumiBackendUrl: "s3://opus-pulumi-state" },
});

// The build stages copy the repository to /app, so a path under /app names a repository file.
const APP_ROOT = "/app";

describe.each(Object.entries(IMAGES))("the %s image", (_name, { file, port }) => {
  const text = read(file);
  const all = stages(parseDockerfile(text));
  const final = all.at(-1) as Stage;

  it("is multi-stage, on base images pinned by exact version or digest", () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const aliases = new Set<string>();
    for (const stage of all) {
      if (!aliases.has(stage.image)) {
        expect(stage.image, `${file}: FROM ${stage.image}`).toMatch(/(:\d+\.\d+\.\d+[\w.-]*(@sha256:[0-9a-f]{64})?|@sha256:[0-9a-f]{64})$/);
      }
      if (stage.alias) aliases.add(stage.alias);
    }
  });

  it("runs as a user that is not root", () => {
    const user = last(final, "USER");
    expect(user, `${file}: final stage sets USER`).toBeDefined();
    expect(["root", "0", "0:0", "root:root"]).not.toContain(user);
  });

  it("exposes the port pulumi/control-plane sends traffic to", () => {
    expect(final.instructions.filter((i) => i.keyword === "EXPOSE").map((i) => i.args)).toEqual([String(port)]);
  });

  it("copies only files that exist in the build context", () => {
    for (const stage of all) {
      for (const copy of stage.instructions.filter((i) => i.keyword === "COPY" && !i.args.includes("--from="))) {
        const sources = copy.args
          .replace(/--\S+\s*/g, "")
          .split(/\s+/)
          .slice(0, -1);
        for (const source of sources) expect(existsSync(path.join(root, source)), `${file}: COPY ${source}`).toBe(true);
      }
    }
  });
});

describe("the API image", () => {
  const all = stages(parseDockerfile(read(IMAGES.api.file)));
  const final = all.at(-1) as Stage;
  const workdir = last(final, "WORKDIR") ?? "/";
  const inRepo = (script: string) => path.join(root, path.relative(APP_ROOT, path.resolve(workdir, script)));
  const script = (command: string[]) => command.find((part) => part.endsWith(".ts"));

  it("starts the API server, and every command pulumi/control-plane runs in it names a file in the repository", () => {
    const cmd = execForm(last(final, "CMD"));
    expect(cmd).toEqual(["node", "--max-semi-space-size=64", "--import", "tsx", "src/server.ts"]);
    const { commands } = defaults;
    // The control plane runs the API as the image does (same V8 flags).
    expect(commands.api).toEqual(cmd);
    for (const command of [cmd, commands.api, commands.worker, commands.migrations]) {
      const file = script(command);
      expect(file, command.join(" ")).toBeDefined();
      expect(existsSync(inRepo(file ?? "")), `${command.join(" ")} in ${workdir}`).toBe(true);
    }
    // tsx runs the sources in production, so it must survive the production-only install.
    const api = JSON.parse(read("apps/api/package.json"));
    expect(api.dependencies.tsx).toBeDefined();
  });
});

// The worker (API image) and the agent run the same tenant program with the same CLI and plugins.
describe.each([IMAGES.api.file, IMAGES.agent.file])("%s", (file) => {
  const all = stages(parseDockerfile(read(file)));
  const final = all.at(-1) as Stage;

  it("bakes in the Pulumi CLI the SDK expects and the plugins of the tenant program, each verified", () => {
    const pulumi = all.find((s) => s.alias === "pulumi");
    if (!pulumi) throw new Error("no pulumi stage");
    const declared = args(pulumi);
    const catalog = read("pnpm-workspace.yaml").match(/"@pulumi\/pulumi": (\d\S*)/)?.[1];
    expect(declared.PULUMI_VERSION).toBe(catalog);
    const sdks = JSON.parse(read("packages/provisioner/package.json")).dependencies as Record<string, string>;
    const plugins = Object.entries(sdks).filter(([name]) => name.startsWith("@pulumi/") && name !== "@pulumi/pulumi");
    expect(plugins.length).toBe(4);
    const run = pulumi.instructions
      .filter((i) => i.keyword === "RUN")
      .map((i) => i.args)
      .join("\n");
    for (const [name, version] of plugins) {
      const plugin = name.replace("@pulumi/", "");
      const key = plugin.toUpperCase();
      expect(declared[`${key}_PLUGIN_VERSION`], name).toBe(version);
      // Checksums have no default: a build without them stops instead of installing unverified archives.
      expect(`${key}_PLUGIN_SHA256` in declared && declared[`${key}_PLUGIN_SHA256`] === undefined, name).toBe(true);
      expect(run).toContain(`plugin ${plugin} "$${key}_PLUGIN_VERSION" "$${key}_PLUGIN_SHA256"`);
    }
    expect("PULUMI_SHA256" in declared && declared.PULUMI_SHA256 === undefined).toBe(true);
    expect(run).toContain("sha256sum -c -");
    // The CLI lands where the worker looks for it by default.
    const cliRoot = defaults.worker.pulumiCliRoot;
    expect(run).toContain(`mkdir -p ${cliRoot}/bin`);
    expect(final.instructions.some((i) => i.keyword === "COPY" && i.args.includes(`--from=pulumi ${cliRoot} ${cliRoot}`))).toBe(true);
  });
});

describe("the agent image", () => {
  const all = stages(parseDockerfile(read(IMAGES.agent.file)));
  const final = all.at(-1) as Stage;
  const build = all.find((s) => s.alias === "build");

  it("runs the bundle build:agent writes, and nothing of the API's sources", () => {
    if (!build) throw new Error("no build stage");
    expect(build.instructions.some((i) => i.keyword === "RUN" && i.args.includes("pnpm --filter @opus/api build:agent"))).toBe(true);
    expect(JSON.parse(read("apps/api/package.json")).scripts["build:agent"]).toBe("tsx scripts/build-agent.ts");
    expect(read("apps/api/scripts/build-agent.ts")).toContain('path.join(apiDir, "dist/agent")');
    const copies = final.instructions.filter((i) => i.keyword === "COPY").map((i) => i.args);
    expect(copies).toContain("--from=build /app/apps/api/dist/agent /app");
    expect(copies.filter((c) => c.includes("--from=build"))).toHaveLength(1);
    expect(last(final, "WORKDIR")).toBe("/app");
    expect(execForm(last(final, "CMD"))).toEqual(["node", "--enable-source-maps", "agent.js"]);
    // Read-only root: everything Pulumi and the agent write is under the chart's volume.
    const env = last(final, "ENV") ?? "";
    expect(env).toContain("PULUMI_HOME=/var/lib/opus-agent/pulumi-home");
    expect(env).toContain("AGENT_STATE_DIR=/var/lib/opus-agent");
    expect(copies.some((c) => c.includes("--chown"))).toBe(false);
  });
});

describe("the console image", () => {
  const all = stages(parseDockerfile(read(IMAGES.console.file)));
  const final = all.at(-1) as Stage;

  it("builds Next's standalone server with /api rewritten to the API's in-cluster Service, and runs it", () => {
    const build = all.find((s) => s.alias === "build");
    if (!build) throw new Error("no build stage");
    expect(args(build).API_ORIGIN).toBe(`http://opus-api:${API_PORT}`);
    const run = build.instructions.find((i) => i.keyword === "RUN" && i.args.includes("@opus/console build"))?.args;
    expect(run).toContain("CONSOLE_OUTPUT=standalone");
    expect(read("apps/console/next.config.ts")).toContain("output: CONSOLE_OUTPUT");
    // Next writes server.js at the app's path inside the standalone tree, copied to the WORKDIR.
    expect(last(final, "WORKDIR")).toBe("/app");
    expect(execForm(last(final, "CMD"))).toEqual(["node", "apps/console/server.js"]);
    expect(final.instructions.some((i) => i.keyword === "COPY" && i.args.includes("/app/apps/console/.next/static"))).toBe(true);
  });
});

describe(".dockerignore", () => {
  const patterns = read(".dockerignore")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"));

  it("keeps local state, dependencies and build output out of the build context", () => {
    for (const pattern of ["**/node_modules", "**/.next", ".data", ".git", "packages/db/src/generated"]) {
      expect(patterns, pattern).toContain(pattern);
    }
  });
});
