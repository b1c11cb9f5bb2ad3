// Cross-site request forgery: a state-changing tRPC request (anything but GET/HEAD/OPTIONS) must
// come from the console's own origin. Browsers always send Origin on such requests, so a missing
// one is refused too when the request carries cookies (a session); a cookie-less caller without
// Origin (a script) has no session to abuse. better-auth checks its own routes the same way.
import type { IncomingMessage, ServerResponse } from "node:http";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Answers 403 and returns true when the request must not proceed. */
export function refuseCrossSite(req: IncomingMessage, res: ServerResponse, allowedOrigin: string): boolean {
  if (SAFE_METHODS.has(req.method ?? "GET")) return false;
  const origin = req.headers.origin;
  if (origin === allowedOrigin || (origin === undefined && !req.headers.cookie)) return false;
  const message =
    origin === undefined
      ? "Refused: a state-changing request with a session must say where it comes from (Origin header)."
      : `Refused: requests that change something must come from the console (${allowedOrigin}), not from ${origin}.`;
  res.writeHead(403, { "content-type": "application/json" });
  res.end(
    JSON.stringify({ error: { json: { message, code: -32003, data: { code: "FORBIDDEN", httpStatus: 403, appCode: "FORBIDDEN" } } } }),
  );
  return true;
}
