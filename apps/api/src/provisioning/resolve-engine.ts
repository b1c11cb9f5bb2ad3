// Picks the engine the worker runs: the Pulumi Automation API engine, configured from the
// environment. Where the Pulumi CLI is missing (the local default: it cannot be installed offline)
// the engine stays in place and every operation fails at once with its `engine-missing` message,
// which says what to install; this says so once at start-up, too.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { EngineError, type ProvisioningEngine } from "@opus/provisioner/engine";
import type { WorkerEnv } from "../env/worker-env.ts";
import type { Logger } from "../logger.ts";

type EngineEnv = Pick<
  WorkerEnv,
  "PULUMI_BACKEND_URL" | "DATA_DIR" | "PULUMI_SECRETS_PROVIDER" | "PULUMI_CONFIG_PASSPHRASE" | "PULUMI_CLI_ROOT"
>;

export async function resolveEngine(env: EngineEnv, log: Logger): Promise<ProvisioningEngine> {
  let backendUrl = env.PULUMI_BACKEND_URL;
  if (!backendUrl) {
    // Local default: a file backend under DATA_DIR (one machine). Production sets s3:// or similar.
    const dir = path.resolve(env.DATA_DIR, "pulumi-state");
    await mkdir(dir, { recursive: true });
    backendUrl = pathToFileURL(dir).href;
  }
  let engine: ProvisioningEngine & { cli(): Promise<unknown> };
  try {
    const { PulumiEngine } = await import("@opus/provisioner/pulumi-engine");
    engine = new PulumiEngine({
      backendUrl,
      secretsProvider: env.PULUMI_SECRETS_PROVIDER,
      passphrase: env.PULUMI_CONFIG_PASSPHRASE,
      ...(env.PULUMI_CLI_ROOT ? { cliRoot: env.PULUMI_CLI_ROOT } : {}),
    });
  } catch (error) {
    const message = `The Pulumi engine could not be loaded: ${(error as Error).message}`;
    log.error({ err: error }, `${message}. Every operation will fail until the worker is fixed and restarted.`);
    return unavailableEngine(message);
  }
  try {
    await engine.cli();
    log.info({ backendUrl }, "Pulumi engine ready");
  } catch (error) {
    log.warn(
      { backendUrl },
      `Pulumi CLI not available: every operation will fail at once, without retries, with: ${(error as Error).message}`,
    );
  }
  return engine;
}

/** An engine that refuses everything with one clear, non-retried message. */
export function unavailableEngine(message: string): ProvisioningEngine {
  const fail = async (): Promise<never> => {
    throw new EngineError("engine-missing", message);
  };
  return { run: fail, repair: fail };
}
