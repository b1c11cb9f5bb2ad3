// API process entry point: `pnpm --filter @opus/api server`.
import { createServices } from "./create-services.ts";
import { env } from "./env.ts";
import { createApiServer } from "./http/create-server.ts";

const config = env();
const services = createServices(config, "api");
const server = createApiServer(services);
server.listen(config.API_PORT, () => services.log.info({ port: config.API_PORT }, "API listening"));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    services.log.info({ signal }, "API shutting down");
    server.close(() => void services.db.$disconnect().finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
