// Turns what the Automation API throws into the engine's error kinds (engine.ts), keeping the
// CLI's own words: operators read them in the console, and a paraphrase loses the detail they need.
import { createRequire } from "node:module";
import { CommandError, ConcurrentUpdateError } from "@pulumi/pulumi/automation";
import { EngineError } from "./engine.ts";

const require = createRequire(import.meta.url);

export const SDK_VERSION: string = require("@pulumi/pulumi/package.json").version;

/** The provider plugins the tenant program needs, at the versions its SDKs were generated for. */
export const REQUIRED_PLUGINS: { name: string; version: string }[] = [
  "@pulumi/kubernetes",
  "@pulumi/postgresql",
  "@pulumi/rabbitmq",
  "@pulumi/random",
].map((pkg) => {
  const manifest = require(`${pkg}/package.json`) as { version: string; pulumi?: { name?: string; version?: string } };
  return { name: manifest.pulumi?.name ?? pkg.replace("@pulumi/", ""), version: manifest.pulumi?.version ?? manifest.version };
});

const CLI_INSTALL_HINT =
  `Install it in the worker image: curl -fsSL https://get.pulumi.com | sh -s -- --version ${SDK_VERSION} ` +
  "(or set PULUMI_CLI_ROOT to the directory of an existing installation, the one holding bin/pulumi).";

const PLUGIN_INSTALL_HINT =
  "Bake the provider plugins into the worker image (the worker never downloads them): " +
  REQUIRED_PLUGINS.map((p) => `pulumi plugin install resource ${p.name} ${p.version}`).join(" && ") +
  ", with the same PULUMI_HOME at build and run time.";

const MISSING_PLUGIN = /no resource plugin|could not find plugin/i;
const CLI_TOO_OLD = /Minimum version requirement failed|Major version mismatch|Failed to parse Pulumi CLI version/;

/** The error for a CLI that `PulumiCommand.get()` could not find or cannot use. */
export function cliMissingError(cause: unknown, cliRoot: string | undefined): EngineError {
  const text = cause instanceof Error ? cause.message : String(cause);
  const where = cliRoot ? `at ${cliRoot}/bin/pulumi` : "on PATH";
  if (CLI_TOO_OLD.test(text)) {
    return new EngineError(
      "engine-missing",
      `The Pulumi CLI ${where} cannot be used with @pulumi/pulumi ${SDK_VERSION}: ${text} ${CLI_INSTALL_HINT}`,
      { cause },
    );
  }
  return new EngineError("engine-missing", `The Pulumi CLI was not found ${where}. ${CLI_INSTALL_HINT}`, { cause });
}

/**
 * Maps a failed operation to an EngineError.
 * - The signal fired: `cancelled`, whatever the CLI said while being interrupted.
 * - Another update holds the stack: `concurrent`, so the worker waits instead of counting a failure.
 * - A provider plugin is missing: `engine-missing`, never retried (it will not appear by itself).
 * - Anything else: `failed`, with the CLI's stderr verbatim (or, when stderr is empty, the
 *   engine's error diagnostics).
 */
export function toEngineError(error: unknown, context: { signal?: AbortSignal; diagnostics?: string[] } = {}): EngineError {
  if (error instanceof EngineError) return error;
  if (context.signal?.aborted) {
    return new EngineError("cancelled", "The operation was cancelled before it finished.", { cause: error });
  }
  const text = engineText(error, context.diagnostics ?? []);
  if (error instanceof ConcurrentUpdateError) return new EngineError("concurrent", text, { cause: error });
  if (MISSING_PLUGIN.test(text)) {
    const line =
      text
        .split("\n")
        .find((l) => MISSING_PLUGIN.test(l))
        ?.trim() ?? text;
    return new EngineError("engine-missing", `A Pulumi provider plugin is missing: ${line} ${PLUGIN_INSTALL_HINT}`, {
      cause: error,
    });
  }
  return new EngineError("failed", text, { cause: error });
}

function engineText(error: unknown, diagnostics: string[]): string {
  if (error instanceof CommandError) {
    const stderr = cliStderr(error);
    if (stderr) return stderr;
    if (diagnostics.length > 0) return diagnostics.join("\n");
    return error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

type CommandResultShape = { stderr?: string; err?: { stderr?: unknown } };

/**
 * The CLI's stderr alone. The SDK keeps it on a CommandResult that its types mark private. When
 * the CLI exits non-zero, execa rejects and the SDK stores execa's whole message ("Command failed
 * with exit code 255: pulumi up …", then stderr, then all of stdout) as `stderr`; the clean stream
 * is on the execa error it keeps as `err`.
 */
function cliStderr(error: CommandError): string | undefined {
  const result = (error as unknown as { commandResult?: CommandResultShape }).commandResult;
  const fromProcess = result?.err?.stderr;
  if (typeof fromProcess === "string" && fromProcess.trim() !== "") return fromProcess.trim();
  return result?.stderr?.trim() || undefined;
}
