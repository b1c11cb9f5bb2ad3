// A route of the machine API: its schemas validate requests and generate the OpenAPI description.
import type { z } from "zod";
import type { AuthenticatedKey } from "../../domain/api-keys/authenticate-api-key.ts";
import type { Services } from "../../services.ts";

/** `userAgent`: as sent; the agent names itself and its version there (opus-agent/<version>). */
export type RestRequest<B> = { services: Services; scope: AuthenticatedKey; body: B; userAgent: string | null };

export type RestRoute<B = unknown> = {
  method: "GET" | "POST";
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  /** Validates the body (POST); the OpenAPI description uses `documentedBody` when given. */
  body?: z.ZodType<B>;
  documentedBody?: z.ZodType;
  response: z.ZodType;
  /** Status codes this route may answer besides 200 and the common ones. */
  errors: number[];
  handle(request: RestRequest<B>): Promise<unknown>;
};

export function defineRoute<B>(route: RestRoute<B>): RestRoute<B> {
  return route;
}
