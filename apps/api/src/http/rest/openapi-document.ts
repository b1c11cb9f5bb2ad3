// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the routes validate with
// (zod 4's own JSON Schema output, draft 2020-12: the dialect OpenAPI 3.1 uses). Never hand-written.
import { z } from "zod";
import type { RestRoute } from "./rest-route.ts";

const zError = z
  .object({ error: z.object({ code: z.string(), message: z.string() }) })
  .meta({ id: "Error", description: "Every 4xx/5xx answer: a stable code and a message for a person." });

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed JSON or a body that does not match the schema",
  401: "Missing, unknown or revoked API key",
  403: "The key belongs to another institution or environment, or is not an agent key (agent routes)",
  404: "Not found, or not of the key's institution",
  409: "A conflict: for the agent routes, this replica no longer holds the operation's lease (nothing was written)",
  413: "More than 1,000 events, or a body over 2 MB",
  429: "Too many requests for this key; see Retry-After",
};

type Json = Record<string, unknown>;

/** Converts a schema and moves its named parts into components.schemas. */
function schemaOf(schema: z.ZodType, io: "input" | "output", components: Json): Json {
  const json = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Json;
  const defs = (json.$defs ?? {}) as Json;
  delete json.$defs;
  delete json.$schema;
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === "object") {
      return Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          k === "$ref" && typeof v === "string" ? v.replace("#/$defs/", "#/components/schemas/") : rewrite(v),
        ]),
      );
    }
    return value;
  };
  for (const [name, def] of Object.entries(defs)) components[name] = rewrite(def);
  // A schema with an id of its own becomes a component too, referenced from the operation.
  const id = (schema.meta() as { id?: string } | undefined)?.id;
  if (id) {
    // zod emits a schema with an id as a reference to its own $defs entry; keep the entry.
    if (!(id in defs)) components[id] = rewrite(json);
    return { $ref: `#/components/schemas/${id}` };
  }
  return rewrite(json) as Json;
}

export function openApiDocument(routes: RestRoute<never>[], serverUrl: string) {
  const components: Json = {};
  const errorRef = schemaOf(zError, "output", components);
  const paths: Record<string, Json> = {};
  for (const route of routes) {
    const responses: Json = {
      200: { description: "OK", content: { "application/json": { schema: schemaOf(route.response, "output", components) } } },
    };
    for (const status of [...new Set([400, 401, ...route.errors, 429])].sort()) {
      responses[status] = {
        description: ERROR_DESCRIPTIONS[status] ?? "Error",
        content: { "application/json": { schema: errorRef } },
        ...(status === 429 ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } } } : {}),
      };
    }
    const body = route.documentedBody ?? route.body;
    paths[route.path] = {
      ...paths[route.path],
      [route.method.toLowerCase()]: {
        operationId: route.operationId,
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        security: [{ apiKey: [] }],
        ...(body
          ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(body, "input", components) } } } }
          : {}),
        responses,
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Opus Open Finance control plane: machine API",
      version: "1.0.0",
      description:
        "For tenants' platforms and self-managed installations. Authenticate with an API key: `Authorization: Bearer opus_uk_…`.",
    },
    servers: [{ url: serverUrl }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An API key created in the console or issued in an install bundle." },
      },
    },
  };
}
