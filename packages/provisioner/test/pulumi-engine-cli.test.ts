// PulumiEngine against the real Pulumi CLI, with a file:// state backend in a temporary folder.
// It runs wherever `pulumi` is on PATH (a worker image, a developer machine with the CLI) and is
// reported as skipped elsewhere: these machines cannot install the CLI.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { PulumiCommand } from "@pulumi/pulumi/automation";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiEngine } from "../src/pulumi-engine.ts";
import { tenantSpec } from "./support/fixtures.ts";

const cliAvailable = await PulumiCommand.get().then(
  () => true,
  () => false,
);
if (!cliAvailable) {
  console.log("Skipping the real Automation API tests: the Pulumi CLI is not on PATH (install it to run them).");
}

describe("PulumiEngine with the real Pulumi CLI", () => {
  let stateDir: string;
  let engine: PulumiEngine;

  beforeAll(async () => {
    stateDir = await mkdtemp(path.join(tmpdir(), "opus-pulumi-state-"));
    engine = new PulumiEngine({
      backendUrl: `file://${stateDir}`,
      passphrase: "test passphrase",
      pulumiHome: path.join(stateDir, ".pulumi-home"),
      // A program without resources needs no provider plugin, so this runs on any machine with
      // the CLI; the tenant program's graph is covered by the mock tests.
      program: (spec) => async () => ({
        namespace: `${spec.tenant.slug}-${spec.environment.kind.toLowerCase()}`,
        databaseCredentials: pulumi.secret({ username: "u", password: "never-returned" }),
      }),
    });
  });

  afterAll(async () => {
    if (stateDir) await rm(stateDir, { recursive: true, force: true });
  });

  const input = (kind: "preview" | "up" | "destroy", lines: string[]) => ({
    operation: { id: "op-1", attempt: 1 },
    kind,
    stackName: "acme-production",
    spec: tenantSpec(),
    onLog: (line: string) => lines.push(line),
    signal: new AbortController().signal,
  });

  it.skipIf(!cliAvailable)("previews a new stack in a file:// backend", async () => {
    const lines: string[] = [];
    const result = await engine.run(input("preview", lines));
    expect(result.summary.create).toBe(1); // the stack itself
    expect(lines.some((l) => l.includes("acme-production"))).toBe(true);
  });

  it.skipIf(!cliAvailable)("updates, returns only non-secret outputs, and destroys", async () => {
    const up = await engine.run(input("up", []));
    expect(up.outputs).toEqual({ namespace: "acme-production" });
    expect(JSON.stringify(up)).not.toContain("never-returned");
    const destroyed = await engine.run(input("destroy", []));
    expect(destroyed.summary.delete).toBe(1);
  });
});
