// Worker process entry point (`pnpm --filter @opus/api worker`, and part of `pnpm start`). Any
// number of workers may run side by side; SIGTERM stops claiming and hands running operations back.
import { createWorkerServices } from "./create-services.ts";
import { loadEnv } from "./env/load-env.ts";
import { parseWorkerEnv } from "./env/worker-env.ts";
import { resolveEngine } from "./provisioning/resolve-engine.ts";
import { runWorkerProcess } from "./provisioning/run-worker-process.ts";

const config = loadEnv(parseWorkerEnv);
const services = createWorkerServices(config, "worker");
runWorkerProcess(config, services, await resolveEngine(config, services.log));
