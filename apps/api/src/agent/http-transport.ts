// The agent's queue transport: the worker runtime's claim, prepare, heartbeat, logs and finish as
// calls to /api/v1/agent, which runs the database queue's own functions. Everything handed out is
// verified before it is believed (verify-payload.ts); a refused payload is never run: its lease
// runs out and another replica, or the next claim, takes it.

import type { Logger } from "../logger.ts";
import {
  type WireOutcome,
  zClaimPayload,
  zClaimResponse,
  zLeaseResponse,
  zReleaseResponse,
  zStartPayload,
  zStartResponse,
} from "../provisioning/agent-wire.ts";
import type { Outcome } from "../provisioning/finish-operation.ts";
import { NotRetryableError } from "../provisioning/not-retryable.ts";
import type { QueueTransport, RunnableOperation } from "../provisioning/queue-transport.ts";
import { type ControlPlaneClient, ControlPlaneRefusal } from "./control-plane-client.ts";
import { completeSpec } from "./local-spec.ts";
import { type PayloadChecks, RefusedPayload, verifyPayload } from "./verify-payload.ts";

export type HttpTransportOptions = {
  client: ControlPlaneClient;
  checks: PayloadChecks;
  credentialsFile: string;
  /** The replica's name; the control plane leases as `agent:<institution>:<agentId>`. */
  agentId: string;
  version: string;
  log: Logger;
  /** Called with every payload refused (tests count them; the log says why). */
  onRefused?: (reason: string) => void;
};

const date = (text: string | null) => (text === null ? null : new Date(text));

function wireOutcome(outcome: Exclude<Outcome, { type: "lost" }>): WireOutcome {
  switch (outcome.type) {
    case "succeeded": {
      const { summary, outputs, driftDetected } = outcome.result;
      const counts = Object.fromEntries(Object.entries(summary).filter((e): e is [string, number] => typeof e[1] === "number"));
      return { type: "succeeded", summary: counts, outputs, ...(driftDetected === undefined ? {} : { driftDetected }) };
    }
    case "retry":
      return { type: "retry", error: outcome.error, runAfter: outcome.runAfter.toISOString(), countsAsAttempt: outcome.countsAsAttempt };
    default:
      return outcome;
  }
}

export function createHttpTransport(options: HttpTransportOptions): QueueTransport {
  const { client, agentId } = options;
  const refuse = (what: string, error: RefusedPayload) => {
    options.log.error({ reason: error.message }, `refused a ${what} from the control plane: ${error.message}`);
    options.onRefused?.(error.message);
  };
  const ref = (operationId: string) => ({ agentId, operationId });

  return {
    async claim() {
      const answer = await client.post("/api/v1/agent/claim", { agentId, version: options.version });
      if (answer.status !== 200) throw new ControlPlaneRefusal(answer.status, answer.body);
      const { claim } = zClaimResponse.parse(answer.body);
      if (!claim) return null;
      try {
        const payload = verifyPayload(options.checks, claim, zClaimPayload);
        const op = payload.operation;
        const runnable: RunnableOperation = {
          ...op,
          cancelRequestedAt: date(op.cancelRequestedAt),
          startedAt: date(op.startedAt),
        };
        return { op: runnable, reclaimed: payload.reclaimed };
      } catch (error) {
        if (!(error instanceof RefusedPayload)) throw error;
        refuse("claim", error);
        return null;
      }
    },

    async prepare(op) {
      const answer = await client.post("/api/v1/agent/start", ref(op.id));
      if (answer.status !== 200) throw new ControlPlaneRefusal(answer.status, answer.body);
      const { start } = zStartResponse.parse(answer.body);
      let payload: ReturnType<typeof zStartPayload.parse>;
      try {
        payload = verifyPayload(options.checks, start, zStartPayload);
        if (payload.operationId !== op.id) throw new RefusedPayload(`it starts ${payload.operationId}, not the claimed ${op.id}`);
        if (payload.result.type === "run") {
          const { spec } = payload.result;
          if (spec.environment.id !== op.environmentId || spec.tenant.id !== options.checks.institutionId) {
            throw new RefusedPayload(`its spec is for a stack this agent does not own (${spec.tenant.slug})`);
          }
        }
      } catch (error) {
        if (error instanceof RefusedPayload) refuse("start", error);
        // Not run; the run fails without retrying, since the same answer would come again.
        throw new NotRetryableError(`The agent refused what the control plane sent: ${(error as Error).message}`);
      }
      const { result } = payload;
      if (result.type === "refused") throw new NotRetryableError(result.message);
      if (result.type === "nothing-to-destroy") return { type: "nothing-to-destroy" };
      return { type: "run", ...completeSpec(result.spec, options.credentialsFile) };
    },

    async heartbeat(operationId) {
      const answer = await client.post("/api/v1/agent/heartbeat", ref(operationId));
      if (answer.status === 409) return "lost";
      if (answer.status !== 200) throw new ControlPlaneRefusal(answer.status, answer.body);
      return zLeaseResponse.parse(answer.body).state;
    },

    async appendLogs(operationId, _workerId, lines) {
      const answer = await client.deliver("/api/v1/agent/logs", { ...ref(operationId), lines });
      if (answer.status === 409) return false;
      if (answer.status !== 200) throw new ControlPlaneRefusal(answer.status, answer.body);
      return true;
    },

    async finish(op, _workerId, outcome) {
      if (outcome.type === "lost") return;
      const answer = await client.deliver("/api/v1/agent/finish", { ...ref(op.id), outcome: wireOutcome(outcome) });
      if (answer.status === 409) {
        options.log.warn({ operationId: op.id }, "the run's end was not recorded: another replica holds the lease");
        return;
      }
      if (answer.status !== 200) throw new ControlPlaneRefusal(answer.status, answer.body);
    },

    // Past the shutdown grace: hand the runs back so another replica takes them at once. A pod
    // killed outright cannot call this; its runs wait for their lease.
    async releaseAll() {
      const answer = await client.post("/api/v1/agent/release", { agentId });
      if (answer.status !== 200) throw new ControlPlaneRefusal(answer.status, answer.body);
      return zReleaseResponse.parse(answer.body).released;
    },
  };
}
