// The agent's queue transport over HTTP: claim, start, heartbeat, logs, finish. Thin: each calls
// the matching function of provisioning/agent-queue.ts, which calls the database queue's own.
// Only an agent key (bound to one institution) may call them; a revoked key is refused at once (401).
import type { z } from "zod";
import type { AuthenticatedKey } from "../../domain/api-keys/authenticate-api-key.ts";
import { AppError } from "../../errors/app-error.ts";
import {
  type AgentQueueDeps,
  claimForAgent,
  finishForAgent,
  heartbeatForAgent,
  logsForAgent,
  releaseForAgent,
  startForAgent,
} from "../../provisioning/agent-queue.ts";
import {
  zClaimRequest,
  zClaimResponse,
  zFinishRequest,
  zFinishResponse,
  zLeaseResponse,
  zLogsRequest,
  zLogsResponse,
  zOperationRequest,
  zReleaseRequest,
  zReleaseResponse,
  zStartResponse,
} from "../../provisioning/agent-wire.ts";
import type { Services } from "../../services.ts";
import { defineRoute, type RestRequest } from "./rest-route.ts";

function agentQueue(services: Services): AgentQueueDeps {
  const { db, clock, log, agentQueue: queue, platformRelease } = services;
  return { db, clock, log, signer: queue.signer, leaseMs: queue.leaseMs, config: { defaultRelease: platformRelease } };
}

function callerOf(scope: AuthenticatedKey, agentId: string) {
  if (scope.purpose !== "AGENT")
    throw new AppError("FORBIDDEN", "This key is not an agent key: create one for the managed account's agent.");
  return { institutionId: scope.institutionId, agentId };
}

/** Every agent route: an agent key, and the replica's name. */
function agentRoute<B extends { agentId: string }>(
  path: string,
  operationId: string,
  summary: string,
  description: string,
  body: z.ZodType<B>,
  response: z.ZodType,
  handle: (deps: AgentQueueDeps, caller: { institutionId: string; agentId: string }, body: B) => Promise<unknown>,
) {
  return defineRoute<B>({
    method: "POST",
    path,
    operationId,
    summary,
    description,
    body,
    response,
    errors: [403, 404, 409],
    handle: ({ services, scope, body: input }: RestRequest<B>) => handle(agentQueue(services), callerOf(scope, input.agentId), input),
  });
}

export const AGENT_ROUTES = [
  agentRoute(
    "/api/v1/agent/claim",
    "agentClaim",
    "Claim the next operation of this agent's institution",
    "Takes over an operation whose agent replica stopped heartbeating first, else the next due one: one operation per stack at a time. " +
      "The answer is signed by the control plane's operation key; verify it, its freshness and its nonce before running anything.",
    zClaimRequest,
    zClaimResponse,
    async (deps, caller, body) => ({ claim: await claimForAgent(deps, caller, body.version) }),
  ),
  agentRoute(
    "/api/v1/agent/start",
    "agentStart",
    "Start a claimed operation: check its rules, move its environment, get its spec (signed, without credentials)",
    "409 when this replica no longer holds the lease. A `refused` result fails the run at once with its message.",
    zOperationRequest,
    zStartResponse,
    async (deps, caller, body) => ({ start: await startForAgent(deps, caller, body.operationId) }),
  ),
  agentRoute(
    "/api/v1/agent/heartbeat",
    "agentHeartbeat",
    "Extend the lease of a running operation and learn whether someone asked to cancel it",
    "409: the lease is lost (another replica took over, or the run ended): stop, and write nothing more.",
    zOperationRequest,
    zLeaseResponse,
    (deps, caller, body) => heartbeatForAgent(deps, caller, body.operationId),
  ),
  agentRoute(
    "/api/v1/agent/logs",
    "agentLogs",
    "Append log lines of a running operation, in order",
    "409 when the lease is lost: nothing is written.",
    zLogsRequest,
    zLogsResponse,
    (deps, caller, body) => logsForAgent(deps, caller, body.operationId, body.lines),
  ),
  agentRoute(
    "/api/v1/agent/finish",
    "agentFinish",
    "Report how a run ended: summary and outputs, the engine's error verbatim, a retry, a cancellation or a hand-back",
    "Recorded with the environment's move and its audit event in one transaction, fenced on the lease (409 when lost: nothing changes).",
    zFinishRequest,
    zFinishResponse,
    (deps, caller, body) => finishForAgent(deps, caller, body.operationId, body.outcome),
  ),
  agentRoute(
    "/api/v1/agent/release",
    "agentRelease",
    "Hand back every run this replica still holds: it is shutting down past its grace",
    "Only runs still RUNNING under this replica's lease are handed back (each audited); the next claim of any replica takes them " +
      "over at once instead of after the lease. Calling it twice hands nothing back the second time.",
    zReleaseRequest,
    zReleaseResponse,
    (deps, caller) => releaseForAgent(deps, caller),
  ),
];
