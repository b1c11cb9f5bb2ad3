// The server side of the agent's queue transport: what /api/v1/agent/* does, with the very queue
// functions the control plane's workers use (claimRun, prepareRun, heartbeat, appendLogLines,
// finishOperation), so leases, fencing, per-stack exclusion and retries mean the same. An agent
// holds a lease as `agent:<institution>:<replica>`: any key of that institution (two overlap while
// rotating) speaks for it, and no key of another institution ever reaches its operations.
import { randomBytes } from "node:crypto";
import type { Db } from "@opus/db/client";
import type { Operation } from "@opus/db/generated";
import { contactDue } from "../domain/agent-contact/agent-contact.ts";
import { recordAudit } from "../domain/audit/record-audit.ts";
import { SYSTEM_SOURCE } from "../domain/audit/system-source.ts";
import type { Clock } from "../domain/domain-context.ts";
import { AppError } from "../errors/app-error.ts";
import type { AuditSigner } from "../lib/audit-signer.ts";
import { type SignedPayload, signPayload } from "../lib/signed-payload.ts";
import type { Logger } from "../logger.ts";
import { buildAgentSpec } from "./agent-spec.ts";
import type { WireOutcome } from "./agent-wire.ts";
import { claimRun, prepareRun } from "./db-transport.ts";
import { finishOperation, type Outcome } from "./finish-operation.ts";
import { NotRetryableError } from "./not-retryable.ts";
import type { ProvisioningConfig } from "./provisioning-config.ts";
import { appendLogLines, heartbeat } from "./queue.ts";
import { recordSpec } from "./spec-recording.ts";

export type AgentQueueDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  signer: AuditSigner;
  leaseMs: number;
  config: Pick<ProvisioningConfig, "defaultRelease">;
};

/** Who calls: the institution the key is bound to, and the replica's own name. */
export type AgentCaller = { institutionId: string; agentId: string };

const workerIdOf = (caller: AgentCaller) => `agent:${caller.institutionId}:${caller.agentId}`;
/** A retry is never put off further than the backoff's cap allows, whatever an agent says. */
const MAX_RETRY_DELAY_MS = 60 * 60_000;

/** `institutionId`: whose operation it is, read from the operation's own environment (the agent compares it with its own). */
function signed(deps: AgentQueueDeps, institutionId: string, body: Record<string, unknown>): SignedPayload {
  const header = { nonce: randomBytes(16).toString("hex"), issuedAt: deps.clock.now().toISOString(), institutionId };
  return signPayload(deps.signer, { ...header, ...body });
}

const wireDate = (date: Date | null) => date?.toISOString() ?? null;

/** Last contact, for the environment page: throttled (contactDue), so a hot row stays quiet. */
export async function recordAgentContact(deps: Pick<AgentQueueDeps, "db" | "clock">, institutionId: string, version: string) {
  const now = deps.clock.now();
  await deps.db.managedAccount.updateMany({
    where: { institutionId, OR: contactDue(now, version) },
    data: { agentVersion: version, agentSeenAt: now },
  });
}

export async function claimForAgent(deps: AgentQueueDeps, caller: AgentCaller, version: string): Promise<SignedPayload | null> {
  await recordAgentContact(deps, caller.institutionId, version);
  const workerId = workerIdOf(caller);
  const run = await claimRun(deps, workerId, deps.leaseMs, { kind: "agent", institutionId: caller.institutionId });
  if (!run) return null;
  const { op } = run;
  const operation = {
    id: op.id,
    kind: op.kind,
    stackName: op.stackName,
    environmentId: op.environmentId,
    attempt: op.attempt,
    maxAttempts: op.maxAttempts,
    error: op.error,
    cancelRequestedAt: wireDate(op.cancelRequestedAt),
    previewOperationId: op.previewOperationId,
    traceParent: op.traceParent,
    requestId: op.requestId,
    startedAt: wireDate(op.startedAt),
    releaseVersion: op.releaseVersion,
  };
  const { institutionId } = await deps.db.environment.findUniqueOrThrow({
    where: { id: op.environmentId },
    select: { institutionId: true },
  });
  return signed(deps, institutionId, { purpose: "claim", workerId, reclaimed: run.reclaimed, operation });
}

/** The operation, if it is of the caller's institution (404 otherwise: another tenant's ids do not exist). */
async function operationOf(deps: AgentQueueDeps, caller: AgentCaller, operationId: string) {
  const op = await deps.db.operation.findFirst({
    where: { id: operationId, environment: { institutionId: caller.institutionId } },
    include: { environment: { select: { institution: { select: { managedAccount: { select: { clusterName: true } } } } } } },
  });
  if (!op) throw new AppError("NOT_FOUND", "Operation not found.");
  return op;
}

const leaseLost = () =>
  new AppError("CONFLICT", "This agent no longer holds the operation's lease: another replica took it over, or it ended.");

function assertOwned(op: Operation, workerId: string) {
  if (op.lockedBy !== workerId || op.status !== "RUNNING") throw leaseLost();
}

export async function startForAgent(deps: AgentQueueDeps, caller: AgentCaller, operationId: string): Promise<SignedPayload> {
  const workerId = workerIdOf(caller);
  const op = await operationOf(deps, caller, operationId);
  assertOwned(op, workerId);
  let result: Record<string, unknown>;
  try {
    const built = await prepareRun(deps, op, workerId, () =>
      recordSpec(deps, op, workerId, (releaseVersion) => buildAgentSpec(deps, op.environmentId, releaseVersion)),
    );
    result = built === "nothing-to-destroy" ? { type: built } : { type: "run", spec: built.spec };
  } catch (error) {
    // The same refusals that fail a control-plane run at once: the agent fails it with this text.
    if (!(error instanceof NotRetryableError || error instanceof AppError)) throw error;
    result = { type: "refused", message: error.message };
  }
  return signed(deps, caller.institutionId, { purpose: "start", operationId, result });
}

export async function heartbeatForAgent(deps: AgentQueueDeps, caller: AgentCaller, operationId: string) {
  await operationOf(deps, caller, operationId);
  const state = await heartbeat(deps.db, operationId, workerIdOf(caller), deps.clock.now());
  if (state === "lost") throw leaseLost();
  return { state };
}

export async function logsForAgent(deps: AgentQueueDeps, caller: AgentCaller, operationId: string, lines: string[]) {
  await operationOf(deps, caller, operationId);
  if (!(await appendLogLines(deps.db, operationId, workerIdOf(caller), lines))) throw leaseLost();
  return { written: lines.length };
}

export async function finishForAgent(deps: AgentQueueDeps, caller: AgentCaller, operationId: string, wire: WireOutcome) {
  const op = await operationOf(deps, caller, operationId);
  const now = deps.clock.now();
  let outcome: Outcome;
  if (wire.type === "succeeded") {
    const { summary, outputs, driftDetected } = wire;
    // Where and what it deployed, as recorded when its spec was built (never the agent's say).
    const cluster = op.environment.institution.managedAccount?.clusterName;
    const spec = cluster && op.specReleaseVersion ? { target: { cluster }, release: { version: op.specReleaseVersion } } : null;
    outcome = { type: "succeeded", result: { summary, outputs, ...(driftDetected === undefined ? {} : { driftDetected }) }, spec };
  } else if (wire.type === "retry") {
    const at = Math.min(Math.max(Date.parse(wire.runAfter), now.getTime()), now.getTime() + MAX_RETRY_DELAY_MS);
    outcome = { ...wire, runAfter: new Date(at) };
  } else {
    outcome = wire;
  }
  if ((await finishOperation(deps.db, deps.log, op, workerIdOf(caller), outcome, now)) === "lease-lost") throw leaseLost();
  return { recorded: true as const };
}

/**
 * An agent replica shutting down past its grace hands back every run it still holds, so another
 * replica (or the next claim) takes it over at once instead of waiting out the lease. Fenced like
 * every other write: only rows still RUNNING under this replica's own lease change, in one
 * UPDATE, so two calls at once (or a call racing a takeover) hand each run back at most once; each
 * hand-back is audited in the same transaction. The attempt stays spent, as with the workers' own.
 */
export async function releaseForAgent(deps: AgentQueueDeps, caller: AgentCaller): Promise<{ released: number }> {
  const workerId = workerIdOf(caller);
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; kind: string; attempt: number; environmentId: string; institutionId: string }[]>`
      UPDATE "operation" o SET "lockedBy" = NULL, "heartbeatAt" = NULL
      FROM environment e
      WHERE o."lockedBy" = ${workerId} AND o.status = 'RUNNING' AND e.id = o."environmentId" AND e."institutionId" = ${caller.institutionId}
      RETURNING o.id, o.kind::text AS kind, o.attempt, o."environmentId", e."institutionId"`;
    for (const row of rows) {
      await recordAudit(tx, SYSTEM_SOURCE, {
        action: "environment.operation_handed_back",
        institutionId: row.institutionId,
        targetType: "operation",
        targetId: row.id,
        data: { environmentId: row.environmentId, kind: row.kind, attempt: row.attempt, workerId },
      });
    }
    if (rows.length > 0) deps.log.info({ workerId, operations: rows.map((r) => r.id) }, "agent handed back its runs on shutdown");
    return { released: rows.length };
  });
}
