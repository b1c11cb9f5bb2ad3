// GET /metrics on the metrics port (METRICS_PORT), for Prometheus. Nothing else is served there.
import http from "node:http";
import type { Logger } from "../logger.ts";
import type { Metrics } from "./metrics.ts";

export function createMetricsServer(metrics: Metrics, log: Logger): http.Server {
  return http.createServer(async (req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    if (path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("Not found: metrics are at /metrics.\n");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Use GET.\n");
      return;
    }
    try {
      const { contentType, body, queueReadable } = await metrics.render();
      if (!queueReadable) log.warn("metrics: the queue figures could not be read; the last values are shown");
      res.writeHead(200, { "content-type": contentType }).end(req.method === "HEAD" ? undefined : body);
    } catch (err) {
      log.error({ err }, "metrics could not be rendered");
      res.writeHead(500, { "content-type": "text/plain" }).end("Metrics could not be rendered.\n");
    }
  });
}

/** Starts the metrics server when a port is configured; returns a function that closes it. */
export function serveMetrics(metrics: Metrics, port: number, log: Logger): () => Promise<void> {
  if (port === 0) return async () => {};
  const server = createMetricsServer(metrics, log);
  server.listen(port, () => log.info({ port }, "metrics listening at /metrics"));
  return () => new Promise((resolve) => server.close(() => resolve()));
}
