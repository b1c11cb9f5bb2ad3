// The API's HTTP surface: health probes, better-auth under /api/auth, tRPC under /api/trpc, the
// machine API (API keys) under /api/v1.

import { randomUUID } from "node:crypto";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { EVIDENCE_MAX_BASE64 } from "@opus/rules/go-live-evidence";
import { withAuthRequest } from "../auth/auth-request.ts";
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from "../errors/database-errors.ts";
import { RateLimitedError } from "../errors/rate-limited-error.ts";
import type { RateLimits } from "../lib/rate-limits.ts";
import { createRouteLabeller } from "../observability/http-route.ts";
import { withRequestSpan } from "../observability/tracing.ts";
import type { Services } from "../services.ts";
import { appRouter } from "../trpc/app-router.ts";
import { createHttpContext } from "../trpc/context.ts";
import { toTrpcError } from "../trpc/init.ts";
import { createAuthHandler } from "./auth-handler.ts";
import { clientIp } from "./client-ip.ts";
import { refuseCrossSite } from "./origin-check.ts";
import { checkReadiness } from "./readiness.ts";
import { createRestHandler, REST_PATHS, REST_PREFIX } from "./rest/handle-rest.ts";
import { setSecurityHeaders } from "./security-headers.ts";
import { createTrpcHandler } from "./trpc-handler.ts";
import { refuseUnservedMethod, TRPC_ALLOW } from "./trpc-methods.ts";

/** Large enough for a certificate chain or a full onboarding form; anything bigger is a mistake or abuse. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A go-live evidence file travels as base64 in its JSON: the file's limit, a third more, and room for the other fields. */
export const LARGER_BODIES = { "goLive.addEvidenceFile": EVIDENCE_MAX_BASE64 + 16 * 1024 } as const;

/** Sent by the console server on the requests it makes while rendering a page (its server-trpc.ts). */
const SERVER_RENDER_HEADER = "x-opus-server-render";

function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  return typeof given === "string" && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
}

function toHeaders(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(key, v);
    else if (value !== undefined) headers.set(key, value);
  }
  return headers;
}

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export function createApiServer(given: Services, options: { rateLimits?: RateLimits } = {}) {
  // Tests size the limits per server; the counters are the same shared table either way.
  const services = options.rateLimits ? { ...given, rateLimits: options.rateLimits } : given;
  const restHandler = createRestHandler(services);
  const consoleOrigin = new URL(services.publicUrl).origin;
  const authHandler = createAuthHandler(services.auth, services.db);
  const trpcHandler = createTrpcHandler({
    router: appRouter,
    endpoint: "/api/trpc",
    origin: "http://api.internal",
    maxBodyBytes: MAX_BODY_BYTES,
    largerBodies: LARGER_BODIES,
    createContext: (req, res) =>
      createHttpContext(
        services,
        {
          cookie: req.headers.cookie,
          headers: () => toHeaders(req),
          setCookie: (cookie) => res.appendHeader("set-cookie", cookie),
          cookieReachesBrowser: req.headers[SERVER_RENDER_HEADER] === undefined,
          readOnly: isRead(req),
        },
        {
          requestId: String(req.headers["x-request-id"]),
          ip: clientIp(req, services.trustedProxies),
          userAgent: req.headers["user-agent"] ?? null,
        },
      ).catch((err: unknown) => {
        // Loading the session reads the database: a lost database is a 503 here too, not a 500.
        throw toTrpcError(err) ?? err;
      }),
    // A 405 names the method that would have worked.
    responseMeta: ({ errors, type }) => {
      if (errors.some((e) => e.code === "METHOD_NOT_SUPPORTED")) {
        return { headers: { allow: type === "mutation" ? "POST" : type === "query" ? "GET" : TRPC_ALLOW } };
      }
      const limited = errors.map((e) => e.cause).find((c) => c instanceof RateLimitedError);
      return limited ? { headers: { "retry-after": String(limited.retryAfterSeconds) } } : {};
    },
  });

  const routeOf = createRouteLabeller(Object.keys(appRouter._def.procedures), REST_PATHS);
  const { httpDuration, rateLimited } = services.metrics;

  // A write may sign a session out or change someone's rights: after any that did not fail with a
  // 4xx, queries on this replica load sessions afresh (auth/session-read-cache.ts).
  async function forgetSessionsAfterWrite(req: IncomingMessage, res: ServerResponse, handle: () => Promise<void>) {
    if (isRead(req)) return handle();
    try {
      return await handle();
    } finally {
      if (res.statusCode < 400 || res.statusCode >= 500) services.sessionCache.clear();
    }
  }

  async function serve(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const url = req.url ?? "/";
    try {
      if (url === "/healthz") return json(res, 200, { status: "ok" });
      if (url === "/readyz") {
        const readiness = await checkReadiness(services.db);
        return json(res, readiness.status, readiness.body);
      }
      if (url.startsWith("/api/auth/")) {
        const origin = { requestId, ip: clientIp(req, services.trustedProxies), userAgent: req.headers["user-agent"] ?? null };
        return await forgetSessionsAfterWrite(req, res, () => withAuthRequest(origin, () => authHandler(req, res)));
      }
      if (url.startsWith("/api/trpc/")) {
        if (refuseUnservedMethod(req, res) || refuseCrossSite(req, res, consoleOrigin)) return;
        return await forgetSessionsAfterWrite(req, res, () => trpcHandler(req, res));
      }
      if (url.startsWith(REST_PREFIX)) return await restHandler(req, res);
      return json(res, 404, { error: "Not found" });
    } catch (err) {
      services.log.error({ err, requestId, url }, "request failed");
      if (res.headersSent) return;
      if (isDatabaseUnavailable(err)) return json(res, 503, { error: DATABASE_UNAVAILABLE_MESSAGE, requestId });
      json(res, 500, { error: "Internal error", requestId });
    }
  }

  return http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const method = req.method ?? "GET";
    const route = routeOf(req.url ?? "/");
    res.once("finish", () => {
      const labels = { http_request_method: method, http_route: route, http_response_status_code: res.statusCode };
      httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
      // Every limiter answers 429 (better-auth's, the machine API's): counted here, once for all.
      if (res.statusCode === 429) rateLimited.inc({ limiter: route });
    });
    const requestId = requestIdOf(req);
    req.headers["x-request-id"] = requestId;
    res.setHeader("x-request-id", requestId);
    setSecurityHeaders(res);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    return withRequestSpan(
      { method, path, route, requestId, headers: req.headers },
      (listener) => res.once("finish", () => listener(res.statusCode)),
      () => serve(req, res, requestId),
    );
  });
}

/** Queries: they may answer from the session read cache, and never empty it. */
function isRead(req: IncomingMessage): boolean {
  return req.method === "GET" || req.method === "HEAD";
}
