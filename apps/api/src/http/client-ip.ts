// The client's address, for audit events and rate limits. X-Forwarded-For is believed only as far
// as the configured number of trusted proxies (TRUSTED_PROXIES): each appends the address it saw,
// so the client is the entry that many hops back from the socket. Anything a client writes into
// the header itself sits further left and is ignored.
import type { IncomingMessage } from "node:http";

export function clientIp(req: IncomingMessage, trustedProxies: number): string | null {
  const socket = req.socket.remoteAddress ?? null;
  if (trustedProxies === 0) return socket;
  const header = req.headers["x-forwarded-for"];
  const forwarded = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((hop) => hop.trim())
    .filter((hop) => hop.length > 0);
  const hops = socket ? [...forwarded, socket] : forwarded;
  // Fewer hops than trusted proxies: the request came nearer than expected; the farthest hop known.
  return hops[Math.max(0, hops.length - 1 - trustedProxies)] ?? socket;
}
