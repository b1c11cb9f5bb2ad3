// The real ProvisioningEngine: runs the tenant program through Pulumi's Automation API, one
// stack per tenant environment, in a state backend shared by all workers.
//
// Nothing here reads process.env: the worker passes the backend URL, the secrets provider and
// its passphrase, and where the CLI is installed (its PULUMI_CLI_ROOT) in PulumiEngineOptions.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  type EngineEvent,
  LocalWorkspace,
  type OpMap,
  type OutputMap,
  PulumiCommand,
  type PulumiFn,
  type Stack,
} from "@pulumi/pulumi/automation";
import { type ChangeSummary, EngineError, type EngineRunInput, type EngineRunResult, type ProvisioningEngine } from "./engine.ts";
import { createLineSplitter } from "./line-splitter.ts";
import { TENANT_PROJECT } from "./naming.ts";
import { cliMissingError, toEngineError } from "./pulumi-errors.ts";
import type { TenantEnvironmentSpec } from "./spec.ts";
import { createTenantProgram } from "./tenant-program.ts";

export type PulumiEngineOptions = {
  /** State backend: "file:///var/lib/opus/pulumi", "s3://bucket/prefix?region=sa-east-1", "gs://…", "azblob://…". */
  backendUrl: string;
  /**
   * How stack secrets (credentials in state) are encrypted: "passphrase" (the default) or a KMS
   * URL such as "awskms://alias/opus-pulumi?region=sa-east-1". Used when a stack is created.
   */
  secretsProvider?: string;
  /** Required with the passphrase secrets provider; every worker must use the same one. */
  passphrase?: string;
  /** Directory of a Pulumi installation (holding bin/pulumi); default: `pulumi` on PATH. */
  cliRoot?: string;
  /** Pulumi's home (plugin cache); default ~/.pulumi. Must hold the plugins baked into the image. */
  pulumiHome?: string;
  /** Extra environment for the CLI and providers, e.g. cloud credentials for a KMS provider or an s3 backend. */
  envVars?: Record<string, string>;
  /** The program to run for a spec. Defaults to the tenant program; tests pass a smaller one. */
  program?: (spec: TenantEnvironmentSpec) => PulumiFn;
};

export class PulumiEngine implements ProvisioningEngine {
  private readonly options: PulumiEngineOptions;
  private readonly secretsProvider: string;
  private command: Promise<PulumiCommand> | undefined;

  constructor(options: PulumiEngineOptions) {
    if (!options.backendUrl) throw new Error("PulumiEngine needs a backendUrl (file://, s3://, gs:// or azblob://).");
    const secretsProvider = options.secretsProvider ?? "passphrase";
    // Without a passphrase the CLI would prompt for one, which a worker cannot answer.
    if (secretsProvider === "passphrase" && !options.passphrase) {
      throw new Error("PulumiEngine uses the passphrase secrets provider but no passphrase was given.");
    }
    this.options = options;
    this.secretsProvider = secretsProvider;
  }

  /**
   * Finds the Pulumi CLI, once per engine: a missing CLI will not appear by itself, so every
   * later operation fails at once with the same `engine-missing` error instead of searching
   * again. The worker may call this at start-up to report the problem before any operation.
   * Never installs the CLI: that downloads from the internet, which workers must not do.
   */
  cli(): Promise<PulumiCommand> {
    this.command ??= PulumiCommand.get(this.options.cliRoot ? { root: this.options.cliRoot } : {}).catch((error: unknown) => {
      throw cliMissingError(error, this.options.cliRoot);
    });
    return this.command;
  }

  async run(input: EngineRunInput): Promise<EngineRunResult> {
    if (input.signal.aborted) throw new EngineError("cancelled", "The operation was cancelled before it started.");
    const lines = createLineSplitter(input.onLog);
    const diagnostics: string[] = [];
    let summary: ChangeSummary | undefined;
    const onEvent = (event: EngineEvent) => {
      // The summary event carries the change counts as structured data: no parsing of text.
      if (event.summaryEvent) summary = { ...event.summaryEvent.resourceChanges };
      const diagnostic = event.diagnosticEvent;
      if (diagnostic?.severity === "error") {
        diagnostics.push(diagnostic.message.trim());
      }
    };
    const opts = { onOutput: lines.push, onEvent, signal: input.signal, color: "never" as const };

    try {
      return await this.withStack(input.stackName, input.spec, async (stack) => {
        if (input.signal.aborted) throw new EngineError("cancelled", "The operation was cancelled before it started.");
        switch (input.kind) {
          case "preview": {
            const result = await stack.preview(opts);
            return { summary: summary ?? result.changeSummary, outputs: await plainOutputs(stack) };
          }
          case "up": {
            const result = await stack.up(opts);
            return { summary: summary ?? result.summary?.resourceChanges ?? {}, outputs: withoutSecrets(result.outputs) };
          }
          case "refresh": {
            if (input.previewOnly) {
              // Reads live state and reports differences without writing the stack's state.
              const result = await stack.previewRefresh(opts);
              const changes = summary ?? result.changeSummary;
              return { summary: changes, outputs: await plainOutputs(stack), driftDetected: hasChanges(changes) };
            }
            const result = await stack.refresh(opts);
            const changes = summary ?? result.summary?.resourceChanges ?? {};
            return { summary: changes, outputs: await plainOutputs(stack), driftDetected: hasChanges(changes) };
          }
          case "destroy": {
            const result = await stack.destroy(opts);
            return { summary: summary ?? result.summary?.resourceChanges ?? {}, outputs: {} };
          }
        }
      });
    } catch (error) {
      throw toEngineError(error, { signal: input.signal, diagnostics });
    } finally {
      lines.flush();
    }
  }

  /**
   * Repairs a stack left behind by an interrupted run (worker killed mid-update): releases the
   * lock with `cancel`, then refreshes with `clearPendingCreates` so operations recorded as
   * pending are reconciled with what really exists. The worker calls this only once it knows no
   * live worker holds the stack (its heartbeat expired): `cancel` would also stop a live update.
   */
  async repair(stackName: string, spec: TenantEnvironmentSpec, onLog: (line: string) => void): Promise<void> {
    const lines = createLineSplitter(onLog);
    try {
      await this.withStack(stackName, spec, async (stack) => {
        const state = await stack.exportStack();
        const pending = (state.deployment?.pending_operations ?? []) as { type?: string; resource?: { urn?: string } }[];
        onLog(
          pending.length === 0
            ? "No pending operations recorded in the stack state."
            : `Pending operations left by the interrupted run: ${pending.map((p) => `${p.type} ${p.resource?.urn}`).join(", ")}`,
        );
        try {
          await stack.cancel();
          onLog("Released the stack's lock (pulumi cancel).");
        } catch (error) {
          // Usually "no update in progress": the lock was already gone. Say so, then go on.
          onLog(`pulumi cancel: ${toEngineError(error).message}`);
        }
        const result = await stack.refresh({ clearPendingCreates: true, onOutput: lines.push, color: "never" });
        onLog(`Refresh after repair: ${JSON.stringify(result.summary?.resourceChanges ?? {})}`);
      });
    } catch (error) {
      throw toEngineError(error);
    } finally {
      lines.flush();
    }
  }

  /**
   * Opens (or creates) the tenant's stack in a fresh working directory and removes the directory
   * afterwards: LocalWorkspace would otherwise leave a temporary directory behind on every run.
   */
  private async withStack<T>(stackName: string, spec: TenantEnvironmentSpec, use: (stack: Stack) => Promise<T>): Promise<T> {
    const pulumiCommand = await this.cli();
    const program = (this.options.program ?? createTenantProgram)(spec);
    const workDir = await mkdtemp(path.join(tmpdir(), "opus-pulumi-"));
    try {
      const stack = await LocalWorkspace.createOrSelectStack(
        { stackName, projectName: TENANT_PROJECT, program },
        {
          workDir,
          pulumiCommand,
          projectSettings: { name: TENANT_PROJECT, runtime: "nodejs", backend: { url: this.options.backendUrl } },
          secretsProvider: this.secretsProvider,
          ...(this.options.pulumiHome ? { pulumiHome: this.options.pulumiHome } : {}),
          envVars: {
            ...this.options.envVars,
            ...(this.options.passphrase ? { PULUMI_CONFIG_PASSPHRASE: this.options.passphrase } : {}),
            // Workers never prompt, never check for CLI updates over the network.
            PULUMI_SKIP_UPDATE_CHECK: "true",
          },
        },
      );
      return await use(stack);
    } finally {
      await rm(workDir, { recursive: true, force: true });
    }
  }
}

/** Outputs without secrets: the control plane stores these in its database and shows them. */
function withoutSecrets(outputs: OutputMap): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(outputs)
      .filter(([, output]) => !output.secret)
      .map(([key, output]) => [key, output.value]),
  );
}

async function plainOutputs(stack: Stack): Promise<Record<string, unknown>> {
  return withoutSecrets(await stack.outputs());
}

function hasChanges(changes: OpMap | ChangeSummary): boolean {
  return Object.entries(changes).some(([op, count]) => op !== "same" && (count ?? 0) > 0);
}
