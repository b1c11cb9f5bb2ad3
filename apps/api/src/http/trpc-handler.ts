// tRPC over node:http through tRPC's fetch handler, with the answer written in one piece.
// tRPC's own node adapter pipes every answer through a web WritableStream into `res.write` and then
// `res.end`: two socket writes and a chunked body per request, about a fifth of the API's CPU on the
// institutions list (docs/benchmarks.md). The console's link batches without streaming, so every
// answer is a complete JSON document: read it whole and send it with its length in one write.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AnyRouter, inferRouterContext } from "@trpc/server";
import { type FetchCreateContextFnOptions, fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { readBody } from "./read-body.ts";

type Options<TRouter extends AnyRouter> = {
  router: TRouter;
  /** Where the procedures' paths start, e.g. "/api/trpc". */
  endpoint: string;
  origin: string;
  maxBodyBytes: number;
  /** Procedures allowed a larger body than maxBodyBytes (a file upload), by path. */
  largerBodies?: Readonly<Record<string, number>>;
  createContext: (req: IncomingMessage, res: ServerResponse) => Promise<inferRouterContext<TRouter>>;
  responseMeta: Parameters<typeof fetchRequestHandler<TRouter>>[0]["responseMeta"];
};

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

/** tRPC's error envelope for a body over the limit (before tRPC sees the request). */
function payloadTooLarge(res: ServerResponse, maxBodyBytes: number) {
  const message = `The request body is over ${maxBodyBytes / 1024} KB.`;
  const error = { message, code: -32013, data: { code: "PAYLOAD_TOO_LARGE", httpStatus: 413, appCode: "PAYLOAD_TOO_LARGE" } };
  res.writeHead(413, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: { json: error } }));
}

/**
 * The body limit of a request: the largest of its procedures' (a batch names several, comma-separated,
 * in the path), maxBodyBytes for any procedure not listed. Read before the body, so it bounds memory.
 */
export function bodyLimitOf(url: string, endpoint: string, maxBodyBytes: number, larger: Readonly<Record<string, number>> = {}): number {
  const path = url.split("?")[0] ?? "";
  if (!path.startsWith(`${endpoint}/`)) return maxBodyBytes;
  const procedures = decodeURIComponent(path.slice(endpoint.length + 1)).split(",");
  return Math.max(maxBodyBytes, ...procedures.map((p) => (Object.hasOwn(larger, p) ? (larger[p] as number) : 0)));
}

export function createTrpcHandler<TRouter extends AnyRouter>(options: Options<TRouter>) {
  return async function handleTrpc(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? "GET";
    let body: Buffer | undefined;
    if (method !== "GET" && method !== "HEAD") {
      const limit = bodyLimitOf(req.url ?? "/", options.endpoint, options.maxBodyBytes, options.largerBodies);
      const read = await readBody(req, limit);
      if (read === null) return payloadTooLarge(res, limit);
      body = read;
    }
    const request = new Request(`${options.origin}${req.url ?? "/"}`, { method, headers: headersOf(req), body });
    const response = await fetchRequestHandler({
      router: options.router,
      endpoint: options.endpoint,
      req: request,
      createContext: (_: FetchCreateContextFnOptions) => options.createContext(req, res),
      responseMeta: options.responseMeta,
    });
    const answer = Buffer.from(await response.arrayBuffer());
    const headers: Record<string, string | string[]> = {};
    for (const [key, value] of response.headers) if (key !== "set-cookie") headers[key] = value;
    // Cookies come from the context (a refreshed session, set on `res`) and from tRPC's answer.
    const cookies = [res.getHeader("set-cookie") ?? [], response.headers.getSetCookie()].flat().map(String);
    if (cookies.length) headers["set-cookie"] = cookies;
    headers["content-length"] = String(answer.length);
    res.writeHead(response.status, headers);
    res.end(method === "HEAD" ? undefined : answer);
  };
}
