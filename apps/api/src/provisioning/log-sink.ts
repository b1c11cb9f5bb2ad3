// Persists an operation's log lines as they come, so the console can tail them live and keep them.
// Lines are buffered for a moment and written in one INSERT per batch; batches are written one
// after the other, so ids (and therefore the console's order) follow the order the engine printed.
import type { Logger } from "../logger.ts";
import type { Redactor } from "./redact.ts";

const MAX_LINE = 8_000;

export type LogSink = { write(line: string): void; close(): Promise<void> };

/** `persist` writes one batch in order (a queue transport's appendLogs). */
export function createLogSink(
  persist: (lines: string[]) => Promise<unknown>,
  operationId: string,
  deps: { redactor: Redactor; log: Logger },
  options: { flushMs?: number; maxBatch?: number } = {},
): LogSink {
  const flushMs = options.flushMs ?? 200;
  const maxBatch = options.maxBatch ?? 200;
  let buffer: string[] = [];
  let timer: NodeJS.Timeout | null = null;
  let chain: Promise<void> = Promise.resolve();

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (buffer.length === 0) return;
    const lines = buffer;
    buffer = [];
    chain = chain.then(async () => {
      try {
        await persist(lines);
      } catch (error) {
        // Losing log lines must not fail the infrastructure change they describe.
        deps.log.warn({ err: error, operationId, lines: lines.length }, "could not persist operation log lines");
      }
    });
  };

  return {
    write(line) {
      const clean = deps.redactor.text(line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line);
      buffer.push(clean);
      if (buffer.length >= maxBatch) flush();
      else timer ??= setTimeout(flush, flushMs);
    },
    async close() {
      flush();
      await chain;
    },
  };
}
