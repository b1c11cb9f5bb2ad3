import { agentVersionOf } from "../../domain/agent-contact/agent-contact.ts";
import { recordHeartbeat, zHeartbeat, zHeartbeatResult } from "../../domain/releases/record-heartbeat.ts";
import { defineRoute } from "./rest-route.ts";

export const postHeartbeat = defineRoute({
  method: "POST",
  path: "/api/v1/heartbeat",
  operationId: "postHeartbeat",
  summary: "Report the installation's release, chart, Kubernetes version and component health",
  description:
    "Sent by each installation every few minutes with its API key (an install bundle's key names its environment; " +
    "another key names it in `environmentId`). A self-managed installation's heartbeat is its running release; " +
    "an installation whose last heartbeat is older than the version matrix's stale age is shown as stale. " +
    "Forwarded by the report-only agent (User-Agent `opus-agent/<version>`), it also refreshes that agent's last contact.",
  body: zHeartbeat,
  response: zHeartbeatResult,
  errors: [403, 404],
  handle: async ({ services, scope, body, userAgent }) =>
    recordHeartbeat({ db: services.db, clock: services.clock }, scope, body, agentVersionOf(userAgent)),
});
