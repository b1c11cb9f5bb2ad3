// Agent entry point (`pnpm --filter @opus/api agent`; bundled by `build:agent` into the agent image): runs in a
// customer's cluster, connects out to the control plane only, and runs that institution's
// operations with the credentials it alone holds. See README "The agent".

import { runAgentProcess } from "./agent/run-agent-process.ts";
import { parseAgentEnv } from "./env/agent-env.ts";
import { loadEnv } from "./env/load-env.ts";
import { createLogger } from "./logger.ts";
import { resolveEngine } from "./provisioning/resolve-engine.ts";

const config = loadEnv(parseAgentEnv);
// The Pulumi state lives in the customer's account: PULUMI_BACKEND_URL, else the state dir.
await runAgentProcess(config, () =>
  resolveEngine({ ...config, DATA_DIR: config.AGENT_STATE_DIR }, createLogger(config.LOG_LEVEL, "agent")),
);
