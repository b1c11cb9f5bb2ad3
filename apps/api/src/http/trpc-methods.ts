// tRPC serves queries over GET and mutations over POST. Any other method (PUT, DELETE, PATCH…) is the
// caller's mistake: tRPC itself answers those 415, as if the body were the problem. This answers
// 405 with an Allow header instead, in tRPC's error envelope so tRPC clients can read it.
import type { IncomingMessage, ServerResponse } from "node:http";
import superjson from "superjson";

const TRPC_METHODS = new Set(["GET", "POST", "HEAD"]);
export const TRPC_ALLOW = "GET, POST";

/** Writes a 405 and returns true when `req` uses a method tRPC does not serve. */
export function refuseUnservedMethod(req: IncomingMessage, res: ServerResponse): boolean {
  if (TRPC_METHODS.has(req.method ?? "GET")) return false;
  const error = {
    message: `Wrong HTTP method: ${req.method} is not served here; send queries as GET and mutations as POST.`,
    code: -32005,
    data: { code: "METHOD_NOT_SUPPORTED", httpStatus: 405, appCode: "METHOD_NOT_ALLOWED" },
  };
  res.writeHead(405, { "content-type": "application/json", allow: TRPC_ALLOW });
  res.end(JSON.stringify({ error: superjson.serialize(error) }));
  return true;
}
