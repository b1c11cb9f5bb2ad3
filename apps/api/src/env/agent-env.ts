// What the agent (src/agent.ts) reads: where the control plane is and how to prove who it is, the
// control plane's public key to check what it is handed, where its own credentials and state live,
// and the Pulumi engine's settings. No database, and nothing of any other institution.
import { z } from "zod";
import { parseEnvWith } from "./load-env.ts";
import { processSettings, pulumiEngineSettings, refuseDevPulumiSettings, refuseInProduction } from "./settings.ts";

const agentSettings = z.object({
  ...processSettings,
  ...pulumiEngineSettings,
  /** The control plane's public URL; the agent only ever connects out to it. */
  CONTROL_PLANE_URL: z.url({ message: "CONTROL_PLANE_URL must be a URL such as https://opus.example" }),
  /** The agent key (console: the managed account's agent keys); rotate by switching to a new one, then revoking the old. */
  AGENT_KEY: z.string().regex(/^opus_uk_\S+$/, "AGENT_KEY must be an Opus API key (opus_uk_…)"),
  /** base64 of the control plane's 32-byte Ed25519 operation public key: what it hands out is checked against it. */
  CONTROL_PLANE_PUBLIC_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "must be base64 of exactly 32 bytes")
    .optional(),
  /** The institution this agent serves: anything signed for another is refused. */
  AGENT_INSTITUTION_ID: z.string().min(1).optional(),
  /** JSON of the cluster's kubeconfig, gateway, database and queue admin credentials (a mounted Secret): never sent anywhere. */
  AGENT_CREDENTIALS_FILE: z.string().min(1).optional(),
  /**
   * run: claims and runs its institution's operations (a managed account). report-only: runs
   * nothing; forwards a self-managed installation's heartbeats, usage and admin metrics, buffered
   * on disk through outages (the three settings above are then not needed).
   */
  AGENT_MODE: z.enum(["run", "report-only"]).default("run"),
  /** report-only: the in-cluster port the installation posts its reports to. */
  AGENT_REPORT_PORT: z.coerce.number().int().min(1).max(65535).default(9470),
  /** Local state: the nonces of operations already seen (replays are refused) and the default Pulumi file backend. */
  AGENT_STATE_DIR: z.string().default(".data/agent"),
  /** This replica's name (the pod's); defaults to host name and process id. */
  AGENT_ID: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,100}$/)
    .optional(),
  AGENT_CONCURRENCY: z.coerce.number().int().min(1).max(8).default(1),
  /** Keep well under the control plane's AGENT_LEASE_SECONDS. */
  AGENT_HEARTBEAT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  AGENT_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5_000),
  /** A signed payload older than this is refused as a replay. */
  AGENT_MAX_PAYLOAD_AGE_SECONDS: z.coerce.number().int().min(5).max(3600).default(120),
});

const RUN_MODE_SETTINGS = ["CONTROL_PLANE_PUBLIC_KEY", "AGENT_INSTITUTION_ID", "AGENT_CREDENTIALS_FILE"] as const;

const AgentEnvSchema = agentSettings
  .superRefine((env, ctx) => {
    if (env.AGENT_MODE !== "run") return;
    for (const key of RUN_MODE_SETTINGS) {
      if (env[key] === undefined) ctx.addIssue({ code: "custom", path: [key], message: `${key} is required when AGENT_MODE is run` });
    }
  })
  .superRefine(
    refuseInProduction<z.output<typeof agentSettings>>([
      // Report-only runs no engine: the chart and the install bundle give it no Pulumi settings.
      ...refuseDevPulumiSettings.map((refusal) => ({
        ...refusal,
        when: (env: z.output<typeof agentSettings>) => env.AGENT_MODE === "run" && refusal.when(env),
      })),
      {
        key: "CONTROL_PLANE_URL",
        when: (env) => !env.CONTROL_PLANE_URL.startsWith("https://"),
        message: "the agent talks to the control plane over HTTPS only in production",
      },
    ]),
  );

export type AgentEnv = z.infer<typeof AgentEnvSchema>;

export const AGENT_SETTINGS = Object.keys(agentSettings.shape);

export function parseAgentEnv(source: Record<string, string | undefined>): AgentEnv {
  return parseEnvWith("agent", AgentEnvSchema, source);
}
