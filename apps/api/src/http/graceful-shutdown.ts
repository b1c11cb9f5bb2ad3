// Stopping under load without dropping work: stop accepting connections, let every request in
// flight finish (its kept-alive socket is then closed), and only then let the caller
// disconnect the database. Disconnecting first is what made SIGTERM under load fail requests with
// Prisma's "Unknown transaction status".
import type { Server } from "node:http";

export type Drainer = {
  /** Requests being served right now. */
  readonly inFlight: number;
  /** Stops the server and resolves once in-flight requests are done: true, or false when `timeoutMs` ran out first. */
  close(timeoutMs: number): Promise<boolean>;
};

export function drainOnClose(server: Server): Drainer {
  let inFlight = 0;
  let closing = false;
  let onDrained: (() => void) | null = null;
  server.prependListener("request", (_req, res) => {
    inFlight++;
    res.once("close", () => {
      inFlight--;
      if (!closing) return;
      // Its socket is idle now: close it rather than keep it alive for work that must not come.
      server.closeIdleConnections();
      if (inFlight === 0) onDrained?.();
    });
  });
  return {
    get inFlight() {
      return inFlight;
    },
    async close(timeoutMs) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const drained = inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (onDrained = resolve));
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs)));
      const finished = await Promise.race([Promise.all([closed, drained]).then(() => true as const), timeout]);
      clearTimeout(timer);
      if (!finished) server.closeAllConnections();
      return finished;
    },
  };
}
