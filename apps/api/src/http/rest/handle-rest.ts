// The machine API under /api/v1: API-key authentication, per-key rate limit, JSON bodies validated
// by each route's zod schema, errors as `{ error: { code, message } }` with the status of the one
// error table. Nothing is written unless the request as a whole is acceptable.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ZodError } from "zod";
import { authenticateApiKey } from "../../domain/api-keys/authenticate-api-key.ts";
import { AppError } from "../../errors/app-error.ts";
import type { AppErrorCode } from "../../errors/app-error-codes.ts";
import { databaseAppError } from "../../errors/database-errors.ts";
import { ERROR_TABLE } from "../../errors/error-table.ts";
import { tooManyMessage } from "../../lib/rate-limits.ts";
import { findUnstorableText, jsonTextMayHoldUnstorable } from "../../lib/storable-text.ts";
import type { Services } from "../../services.ts";
import { clientIp } from "../client-ip.ts";
import { readBody } from "../read-body.ts";
import { AGENT_ROUTES } from "./agent-routes.ts";
import { postHeartbeat } from "./heartbeat-routes.ts";
import { postMetrics } from "./metrics-routes.ts";
import { openApiDocument } from "./openapi-document.ts";
import type { RestRoute } from "./rest-route.ts";
import { getMeters, postUsageEvents } from "./usage-routes.ts";

export const REST_PREFIX = "/api/v1/";
/** 1,000 events with generous dimensions fit well within this. */
export const MAX_REST_BODY_BYTES = 2 * 1024 * 1024;

const ROUTES = [postUsageEvents, getMeters, postMetrics, postHeartbeat, ...AGENT_ROUTES] as RestRoute<never>[];

/** The machine API's paths, for the metrics' route label. */
export const REST_PATHS: readonly string[] = ROUTES.map((r) => r.path);

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

function sendError(res: ServerResponse, code: AppErrorCode, message: string, headers: Record<string, string> = {}) {
  send(res, ERROR_TABLE[code].http, { error: { code, message } }, headers);
}

function tooMany(res: ServerResponse, what: string, seconds: number) {
  sendError(res, "RATE_LIMITED", tooManyMessage(what, seconds), { "retry-after": String(seconds) });
}

function isJson(contentType: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test(contentType ?? "");
}

function readableZod(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
}

export function createRestHandler(services: Services) {
  let document: unknown;

  return async function handleRest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path === "/api/v1/openapi.json" && req.method === "GET") {
      document ??= openApiDocument(ROUTES, services.publicUrl);
      return send(res, 200, document);
    }
    const candidates = ROUTES.filter((r) => r.path === path);
    if (candidates.length === 0) return sendError(res, "NOT_FOUND", `No route ${path}.`);
    const route = candidates.find((r) => r.method === req.method);
    if (!route) {
      const allowed = candidates.map((r) => r.method).join(", ");
      return sendError(res, "METHOD_NOT_ALLOWED", `Wrong HTTP method: ${path} accepts ${allowed}.`, { allow: allowed });
    }
    try {
      const origin = {
        requestId: String(req.headers["x-request-id"] ?? "") || null,
        ip: clientIp(req, services.trustedProxies),
        userAgent: req.headers["user-agent"] ?? null,
      };
      // Per fixed minute, per address first (unknown keys count too), then per key; shared by every replica.
      const perIp = await services.rateLimits.take("machinePerIp", origin.ip ?? "unknown");
      if (perIp !== null) return tooMany(res, "requests from this address", perIp);
      const scope = await authenticateApiKey(
        { db: services.db, sql: services.sql, clock: services.clock, ...origin },
        req.headers.authorization,
      );
      const perKey = await services.rateLimits.take("machinePerKey", scope.apiKeyId);
      if (perKey !== null) return tooMany(res, "requests for this key", perKey);
      let body: unknown;
      if (route.body && !isJson(req.headers["content-type"])) {
        return sendError(res, "UNSUPPORTED_MEDIA_TYPE", "Wrong content type: send the body as JSON, with content-type: application/json.");
      }
      if (route.body) {
        const raw = await readBody(req, MAX_REST_BODY_BYTES);
        if (raw === null) return sendError(res, "PAYLOAD_TOO_LARGE", `The body is over ${MAX_REST_BODY_BYTES / 1024 / 1024} MB.`);
        const text = raw.toString("utf8");
        try {
          body = JSON.parse(text);
        } catch {
          return sendError(res, "BAD_INPUT", "The body is not valid JSON.");
        }
        const unstorable = jsonTextMayHoldUnstorable(text) ? findUnstorableText(body) : null;
        if (unstorable) return sendError(res, "BAD_INPUT", `Invalid request: ${unstorable.path || "body"}: ${unstorable.problem}`);
        const parsed = route.body.safeParse(body);
        if (!parsed.success) return sendError(res, "BAD_INPUT", `Invalid request: ${readableZod(parsed.error)}`);
        body = parsed.data;
      }
      send(res, 200, await route.handle({ services, scope, body: body as never, userAgent: origin.userAgent }));
    } catch (error) {
      // Database races and outages answer CONFLICT / 503 here too, never a 500.
      const appError = error instanceof AppError ? error : databaseAppError(error);
      if (appError) return sendError(res, appError.code, appError.message);
      throw error;
    }
  };
}
