// Worker process entry point (`pnpm --filter @opus/api worker`, and part of `pnpm start`). Any
// number of workers may run side by side; SIGTERM stops claiming and hands running operations back.
import { createWorkerServices } from "./create-services.ts";
import { loadEnv } from "./env/load-env.ts";
import { parseWorkerEnv } from "./env/worker-env.ts";
import { startTracing } from "./observability/tracing.ts";
import { resolveEngine } from "./provisioning/resolve-engine.ts";
import { runWorkerProcess } from "./provisioning/run-worker-process.ts";

const config = loadEnv(parseWorkerEnv);
// Before the services: the database client's calls are traced from the first one. Spans still
// buffered at exit are lost with the process; the exporter sends them every few seconds.
startTracing("opus-worker", { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
const services = createWorkerServices(config, "worker");
runWorkerProcess(config, services, await resolveEngine(config, services.log));
