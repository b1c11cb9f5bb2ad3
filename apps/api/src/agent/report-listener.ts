// Report-only mode's only listener, inside the installation's cluster: the platform posts its
// heartbeats, usage batches and admin metrics here (same bodies as /api/v1), and gets 202 once the
// report is on disk. The agent forwards them outbound; nothing outside the cluster connects in.
import { createServer } from "node:http";
import type { Logger } from "../logger.ts";
import { REPORT_PATHS, type ReportPath } from "./report-outbox.ts";

const MAX_BODY = 2 * 1024 * 1024;

export function listenForReports(port: number, add: (path: ReportPath, body: unknown) => void, log: Logger) {
  const server = createServer((req, res) => {
    const reportPath = REPORT_PATHS.find((p) => p === req.url);
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "POST" || !reportPath) return answer(404, { error: `POST one of ${REPORT_PATHS.join(", ")}` });
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY) chunks.push(chunk);
    });
    req.on("end", () => {
      if (size > MAX_BODY) return answer(413, { error: "over 2 MB" });
      let body: unknown;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return answer(400, { error: "not JSON" });
      }
      add(reportPath, body);
      answer(202, { buffered: true });
    });
  });
  server.listen(port, () => log.info({ port }, "report-only agent listening for the installation's reports"));
  return server;
}
