// The client's address, for audit events and rate limits.
import type { IncomingMessage } from "node:http";

export function clientIp(req: IncomingMessage): string | null {
  // Behind the console's proxy or an ingress, the first X-Forwarded-For hop is the browser.
  const forwarded = req.headers["x-forwarded-for"];
  const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return first || req.socket.remoteAddress || null;
}
