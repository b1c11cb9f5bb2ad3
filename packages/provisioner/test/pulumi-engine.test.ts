// PulumiEngine around the real Automation API. The CLI cannot be installed on these machines, so
// these tests use either no CLI at all (engine-missing) or a scripted stand-in for it
// (support/fake-pulumi-cli.ts); pulumi-engine-cli.test.ts runs against the real CLI where present.
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EngineError, type EngineRunInput } from "../src/engine.ts";
import { PulumiEngine, type PulumiEngineOptions } from "../src/pulumi-engine.ts";
import { createFakePulumiCli, type FakeCli } from "./support/fake-pulumi-cli.ts";
import { tenantSpec } from "./support/fixtures.ts";

const INSTALL_HINT = "Install it in the worker image: curl -fsSL https://get.pulumi.com | sh";

function runInput(overrides: Partial<EngineRunInput> = {}): EngineRunInput & { lines: string[] } {
  const lines: string[] = [];
  return {
    operation: { id: "op-1", attempt: 1 },
    kind: "preview",
    stackName: "acme-production",
    spec: tenantSpec(),
    onLog: (line) => lines.push(line),
    signal: new AbortController().signal,
    lines,
    ...overrides,
  };
}

async function failure(promise: Promise<unknown>): Promise<EngineError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof EngineError)) throw new Error(`expected an EngineError, got ${String(error)}`);
  return error;
}

describe("without a Pulumi CLI", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("fails at once with engine-missing and the install instructions when PATH has no pulumi", async () => {
    vi.stubEnv("PATH", "");
    const engine = new PulumiEngine({ backendUrl: "file:///tmp/unused", passphrase: "p" });
    const started = performance.now();
    const error = await failure(engine.run(runInput()));
    expect(error.kind).toBe("engine-missing");
    expect(error.message).toMatch(
      /^The Pulumi CLI was not found on PATH\. Install it in the worker image: curl -fsSL https:\/\/get\.pulumi\.com \| sh/,
    );
    expect(error.message).toContain("PULUMI_CLI_ROOT");
    expect(performance.now() - started).toBeLessThan(3_000);

    // Resolved once: later operations get the same answer without searching again.
    const again = await failure(engine.run(runInput({ kind: "up" })));
    expect(again).toBe(error);
    await expect(engine.cli()).rejects.toBe(error);
  });

  it("names the configured root when the CLI is not there", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "no-pulumi-"));
    const engine = new PulumiEngine({ backendUrl: "file:///tmp/unused", passphrase: "p", cliRoot: root });
    const error = await failure(engine.run(runInput()));
    expect(error.kind).toBe("engine-missing");
    expect(error.message).toContain(`The Pulumi CLI was not found at ${root}/bin/pulumi. ${INSTALL_HINT}`);
  });

  it("refuses a passphrase secrets provider without a passphrase, which would make the CLI prompt", () => {
    expect(() => new PulumiEngine({ backendUrl: "file:///tmp/x" })).toThrow(/no passphrase/);
    expect(() => new PulumiEngine({ backendUrl: "s3://state", secretsProvider: "awskms://alias/opus" })).not.toThrow();
  });
});

describe("with a scripted CLI", () => {
  let cli: FakeCli;
  let backendUrl: string;

  beforeAll(async () => {
    cli = await createFakePulumiCli();
    backendUrl = `file://${await mkdtemp(path.join(tmpdir(), "opus-state-"))}`;
  });

  const engineWith = (behaviour: Record<string, string>, extra: Partial<PulumiEngineOptions> = {}) =>
    new PulumiEngine({ backendUrl, passphrase: "correct horse", cliRoot: cli.root, envVars: cli.env(behaviour), ...extra });

  it("previews with the project, backend and passphrase it was given, logging whole lines", async () => {
    const input = runInput();
    const result = await engineWith({
      FAKE_PULUMI_SHOW_WORKSPACE: "1",
      FAKE_PULUMI_STDOUT_1: "Previewing update (acme-production):\n + namespace cre",
      FAKE_PULUMI_STDOUT_2: "ate\nResources: 33 to create",
      FAKE_PULUMI_SUMMARY: '{"create":33}',
      FAKE_PULUMI_OUTPUTS_MASKED: "{}",
    }).run(input);

    expect(result.summary).toEqual({ create: 33 });
    expect(input.lines).toContain("Previewing update (acme-production):");
    expect(input.lines).toContain(" + namespace create"); // one line, though it arrived in two chunks
    expect(input.lines.at(-1)).toBe("Resources: 33 to create"); // the unterminated last line is kept
    expect(input.lines).toContain("name: opus-tenant");
    expect(input.lines).toContain(`  url: ${backendUrl}`);
    expect(input.lines).toContain("passphrase: correct horse");
    // The per-run working directory is gone afterwards.
    const workDir = input.lines.find((l) => l.startsWith("cwd: "))?.slice(5) ?? "";
    expect(workDir).toContain("opus-pulumi-");
    expect(existsSync(workDir)).toBe(false);
  });

  it("returns an up's outputs without the secret ones", async () => {
    const result = await engineWith({
      FAKE_PULUMI_SUMMARY: '{"create":33}',
      FAKE_PULUMI_OUTPUTS_MASKED: '{"namespace":"acme-production","databaseCredentials":"[secret]"}',
      FAKE_PULUMI_OUTPUTS_PLAIN: '{"namespace":"acme-production","databaseCredentials":{"username":"u","password":"hunter2"}}',
    }).run(runInput({ kind: "up" }));
    expect(result.outputs).toEqual({ namespace: "acme-production" });
    expect(JSON.stringify(result)).not.toContain("hunter2");
    expect(result.summary).toEqual({ create: 33 });
  });

  it("reports drift from a preview-only refresh, and no drift when everything is the same", async () => {
    const drifted = await engineWith({ FAKE_PULUMI_SUMMARY: '{"same":31,"update":2}' }).run(
      runInput({ kind: "refresh", previewOnly: true }),
    );
    expect(drifted).toMatchObject({ driftDetected: true, summary: { same: 31, update: 2 } });
    const clean = await engineWith({ FAKE_PULUMI_SUMMARY: '{"same":33}' }).run(runInput({ kind: "refresh", previewOnly: true }));
    expect(clean.driftDetected).toBe(false);
  });

  it("destroys and returns no outputs", async () => {
    const result = await engineWith({ FAKE_PULUMI_SUMMARY: '{"delete":33}' }).run(runInput({ kind: "destroy" }));
    expect(result).toEqual({ summary: { delete: 33 }, outputs: {} });
  });

  it("maps a locked stack to `concurrent`", async () => {
    const stderr =
      "error: the stack is currently locked by 1 lock(s). Either wait for the other process(es) to end or delete the lock file with `pulumi cancel`.";
    const error = await failure(engineWith({ FAKE_PULUMI_STDERR: stderr, FAKE_PULUMI_EXIT: "255" }).run(runInput({ kind: "up" })));
    expect(error.kind).toBe("concurrent");
    expect(error.message).toBe(stderr);
  });

  it("maps a missing provider plugin to `engine-missing`, with what to bake into the image", async () => {
    const stderr =
      "error: could not load plugin for kubernetes provider 'default_4_34_2': no resource plugin 'pulumi-resource-kubernetes' found in the workspace at version v4.34.2";
    const error = await failure(engineWith({ FAKE_PULUMI_STDERR: stderr, FAKE_PULUMI_EXIT: "255" }).run(runInput()));
    expect(error.kind).toBe("engine-missing");
    expect(error.message).toContain("no resource plugin 'pulumi-resource-kubernetes' found");
    for (const plugin of ["kubernetes 4.34.2", "postgresql 3.18.1", "rabbitmq 3.3.8", "random 4.21.2"]) {
      expect(error.message).toContain(`pulumi plugin install resource ${plugin}`);
    }
  });

  it("maps any other failure to `failed` with the CLI's stderr verbatim", async () => {
    const stderr =
      'error: update failed\n  kubernetes:core/v1:Namespace (acme-production-namespace):\n    error: namespaces "acme-production" is forbidden: exceeded quota';
    const error = await failure(
      engineWith({ FAKE_PULUMI_STDOUT_1: "lots of progress output\n", FAKE_PULUMI_STDERR: stderr, FAKE_PULUMI_EXIT: "255" }).run(
        runInput({ kind: "up" }),
      ),
    );
    expect(error.kind).toBe("failed");
    expect(error.message).toBe(stderr);
  });

  it("cancels a running operation when the signal fires", async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 300);
    const error = await failure(
      engineWith({ FAKE_PULUMI_HANG: "1", FAKE_PULUMI_EXIT: "0" }).run(runInput({ kind: "up", signal: controller.signal })),
    );
    expect(error.kind).toBe("cancelled");
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("does not start an operation whose signal has already fired", async () => {
    const before = (await cli.calls()).length;
    const error = await failure(engineWith({}).run(runInput({ kind: "destroy", signal: AbortSignal.abort() })));
    expect(error.kind).toBe("cancelled");
    expect((await cli.calls()).length).toBe(before);
  });

  it("repairs an interrupted stack: reports pending operations, cancels, refreshes clearing pending creates", async () => {
    const state = JSON.stringify({
      version: 3,
      deployment: {
        pending_operations: [
          { type: "creating", resource: { urn: "urn:pulumi:acme-production::opus-tenant::kubernetes:core/v1:Namespace::ns" } },
        ],
      },
    });
    const lines: string[] = [];
    const before = (await cli.calls()).length;
    await engineWith({ FAKE_PULUMI_STATE: state, FAKE_PULUMI_SUMMARY: '{"same":32}' }).repair("acme-production", tenantSpec(), (l) =>
      lines.push(l),
    );

    expect(lines[0]).toBe(
      "Pending operations left by the interrupted run: creating urn:pulumi:acme-production::opus-tenant::kubernetes:core/v1:Namespace::ns",
    );
    expect(lines).toContain("Released the stack's lock (pulumi cancel).");
    const calls = (await cli.calls()).slice(before);
    const cancel = calls.findIndex((c) => c.startsWith("cancel"));
    const refresh = calls.findIndex((c) => c.startsWith("refresh"));
    expect(cancel).toBeGreaterThanOrEqual(0);
    expect(refresh).toBeGreaterThan(cancel);
    expect(calls[refresh]).toContain("--clear-pending-creates");
  });

  it("still refreshes during repair when there was no lock to cancel", async () => {
    const lines: string[] = [];
    await engineWith({ FAKE_PULUMI_CANCEL_STDERR: "error: no stack update is currently in progress" }).repair(
      "acme-production",
      tenantSpec(),
      (l) => lines.push(l),
    );
    expect(lines).toContain("No pending operations recorded in the stack state.");
    expect(lines).toContain("pulumi cancel: error: no stack update is currently in progress");
    expect(lines.at(-1)).toMatch(/^Refresh after repair:/);
  });
});
