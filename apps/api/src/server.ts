// API process entry point: `pnpm --filter @opus/api server`.
import { createServices } from "./create-services.ts";
import { signAuditCheckpoint } from "./domain/audit/audit-checkpoint.ts";
import { runNoticeSender } from "./domain/notifications/notice-outbox.ts";
import { parseApiEnv } from "./env/api-env.ts";
import { loadEnv } from "./env/load-env.ts";
import { createApiServer } from "./http/create-server.ts";
import { drainOnClose } from "./http/graceful-shutdown.ts";
import { serveMetrics } from "./observability/metrics-server.ts";
import { startTracing } from "./observability/tracing.ts";

const NOTICE_SEND_EVERY_MS = 5_000;
const config = loadEnv(parseApiEnv);
const stopTracing = startTracing("opus-api", { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
const services = createServices(config, "api");
const server = createApiServer(services);
const drainer = drainOnClose(server);
// Every replica signs the head at intervals; the same head is stored once (see audit-checkpoint.ts).
const checkpoints = setInterval(() => {
  signAuditCheckpoint(services.db, services.auditSigner)
    .then((signed) => signed && services.log.info({ seq: signed.seq.toString() }, "audit checkpoint signed"))
    .catch((err: unknown) => services.log.warn({ err }, "audit checkpoint not signed this time"));
}, services.auditCheckpointIntervalSeconds * 1000);
checkpoints.unref();
// The worker writes notices (rollout waves reaching self-managed installations) to the outbox; the
// API has the mailer, so it sends them. Every replica runs the loop; the claim lets one send each.
const notices = new AbortController();
void runNoticeSender(services, NOTICE_SEND_EVERY_MS, notices.signal);
// Clients behind a keep-alive agent (the console's proxy: Node's global agent drops idle sockets
// after 5 s) must close idle connections before the server does; with equal timeouts a request
// can be written to a socket the server is closing, and fails with ECONNRESET.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(config.API_PORT, () => services.log.info({ port: config.API_PORT }, "API listening"));
const closeMetrics = serveMetrics(services.metrics, config.METRICS_PORT, services.log);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    services.log.info({ signal, inFlight: drainer.inFlight }, "API shutting down");
    // Server first, database last: requests still running need their connections.
    clearInterval(checkpoints);
    notices.abort();
    // Requests in flight get SHUTDOWN_GRACE_SECONDS (below Kubernetes' 30 s) to finish.
    const drained = await drainer.close(config.SHUTDOWN_GRACE_SECONDS * 1000);
    if (!drained) services.log.warn({ inFlight: drainer.inFlight }, "shutdown grace ran out; closing remaining connections");
    await Promise.all([services.db.$disconnect(), services.sql.end(), closeMetrics(), stopTracing()]);
    process.exit(0);
  });
}
