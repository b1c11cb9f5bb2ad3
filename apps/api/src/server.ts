// API process entry point: `pnpm --filter @opus/api server`.
import { createServices } from "./create-services.ts";
import { parseApiEnv } from "./env/api-env.ts";
import { loadEnv } from "./env/load-env.ts";
import { createApiServer } from "./http/create-server.ts";

const config = loadEnv(parseApiEnv);
const services = createServices(config, "api");
const server = createApiServer(services);
// Clients behind a keep-alive agent (the console's proxy: Node's global agent drops idle sockets
// after 5 s) must close idle connections before the server does; with equal timeouts a request
// can be written to a socket the server is closing, and fails with ECONNRESET.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.listen(config.API_PORT, () => services.log.info({ port: config.API_PORT }, "API listening"));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    services.log.info({ signal }, "API shutting down");
    server.close(() => void services.db.$disconnect().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
