// Report-only mode's buffer: every report the installation hands the agent (heartbeat, usage
// events, admin metrics) is appended to a JSON-lines file before it is acknowledged, then sent to
// the control plane in order, unchanged, until it is answered. A resend after an outage or a
// restart is the same body, so the control plane's idempotency keys (usage event ids; a resent
// metrics day replaces itself; a heartbeat is the latest state) keep it from counting twice.
import { randomUUID } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Logger } from "../logger.ts";
import type { ControlPlaneClient } from "./control-plane-client.ts";

/** The machine API routes a report may go to. */
export const REPORT_PATHS = ["/api/v1/heartbeat", "/api/v1/usage/events", "/api/v1/metrics"] as const;
export type ReportPath = (typeof REPORT_PATHS)[number];

type Entry = { id: string; path: ReportPath; body: unknown };

export function openReportOutbox(stateDir: string, client: ControlPlaneClient, log: Logger) {
  mkdirSync(stateDir, { recursive: true });
  const file = path.join(stateDir, "report-outbox.jsonl");
  const pending: Entry[] = [];
  if (existsSync(file)) {
    const done = new Set<string>();
    const entries: Entry[] = [];
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!line) continue;
      const record = JSON.parse(line) as Entry | { done: string };
      if ("done" in record) done.add(record.done);
      else entries.push(record);
    }
    pending.push(...entries.filter((e) => !done.has(e.id)));
  }
  let wake: (() => void) | null = null;

  return {
    /** Durable once this returns: the report is on disk. */
    add(reportPath: ReportPath, body: unknown) {
      const entry = { id: randomUUID(), path: reportPath, body };
      appendFileSync(file, `${JSON.stringify(entry)}\n`);
      pending.push(entry);
      wake?.();
    },
    pending: () => pending.length,
    /** Sends in order until `signal` aborts; an entry leaves the file only once the control plane answered it. */
    async run(signal: AbortSignal) {
      while (!signal.aborted) {
        const entry = pending[0];
        if (!entry) {
          // Until a report is added or the signal aborts; the abort listener goes with the wait.
          await new Promise<void>((resolve) => {
            const done = () => {
              signal.removeEventListener("abort", done);
              resolve();
            };
            wake = done;
            signal.addEventListener("abort", done, { once: true });
          });
          wake = null;
          continue;
        }
        const answer = await client.deliver(entry.path, entry.body);
        // A refusal (400, 403…) will not change by resending: it is logged and dropped.
        if (answer.status !== 200)
          log.error({ path: entry.path, status: answer.status, body: answer.body }, "report refused by the control plane");
        appendFileSync(file, `${JSON.stringify({ done: entry.id })}\n`);
        pending.shift();
      }
    },
  };
}
