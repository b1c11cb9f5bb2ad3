// Read side of provisioning for the console: an institution's environments with their latest
// operation, an environment's runs, one operation, and its log lines after a cursor (the console
// polls to tail them).

import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { operationSelect, presentLogLine, presentOperation } from "./operation-select.ts";

const LOG_PAGE = 500;
const OUTPUTS_GONE: readonly string[] = ["PENDING", "DESTROYING", "DESTROYED"];
/** The runs page lists the most recent runs; older ones stay in the audit trail. */
const RUNS_PAGE = 50;

/** Who asked for each run: a name (and whether it is Opus staff), or null for the system (drift schedule). */
async function requesters(ctx: DomainContext, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map<string, { name: string; staff: boolean }>();
  const users = await ctx.db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, staffRole: true } });
  return new Map(users.map((u) => [u.id, { name: u.name, staff: u.staffRole !== null }]));
}

export async function listEnvironments(ctx: DomainContext, input: { institutionId: string }) {
  const environments = await scopedDb(ctx, input.institutionId).environment.findMany({
    orderBy: { kind: "asc" },
    select: {
      id: true,
      kind: true,
      status: true,
      stackName: true,
      cluster: true,
      namespace: true,
      releaseVersion: true,
      outputs: true,
      failedOperationId: true,
      driftDetectedAt: true,
      lastRefreshAt: true,
      createdAt: true,
      updatedAt: true,
      operations: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: operationSelect },
    },
  });
  const ids = environments.map((e) => e.id);
  const db = scopedDb(ctx, input.institutionId);
  // The deploy that produced what runs now, and the latest drift check (to say when it failed).
  const [deploys, checks] = await Promise.all([
    db.operation.findMany({
      where: { environmentId: { in: ids }, kind: "UP", status: "SUCCEEDED" },
      orderBy: [{ finishedAt: "desc" }, { id: "desc" }],
      distinct: ["environmentId"],
      select: { id: true, environmentId: true, outputs: true, finishedAt: true },
    }),
    db.operation.findMany({
      where: {
        environmentId: { in: ids },
        kind: "REFRESH",
        // A check scheduled for later has not happened yet; one waiting to retry has.
        OR: [
          { status: { in: ["RUNNING", "SUCCEEDED", "FAILED"] } },
          { status: "QUEUED", OR: [{ attempt: { gt: 0 } }, { runAfter: { lte: ctx.clock.now() } }] },
        ],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      distinct: ["environmentId"],
      select: operationSelect,
    }),
  ]);
  return environments.map(({ operations, ...environment }) => {
    const deploy = deploys.find((d) => d.environmentId === environment.id);
    const check = checks.find((c) => c.environmentId === environment.id);
    return {
      ...environment,
      // Recorded on the environment by every deploy since outputs were kept; before that, the deploy's own.
      // (Not once it is being or was destroyed: nothing of that deploy is left.)
      outputs: environment.outputs ?? (OUTPUTS_GONE.includes(environment.status) ? null : (deploy?.outputs ?? null)),
      deployedBy: deploy ? { operationId: deploy.id, finishedAt: deploy.finishedAt } : null,
      latestCheck: check ? presentOperation(ctx.actor, check) : null,
      latestOperation: operations[0] ? presentOperation(ctx.actor, operations[0]) : null,
    };
  });
}

export async function listOperations(ctx: DomainContext, input: { institutionId: string; environmentId: string }) {
  const db = scopedDb(ctx, input.institutionId);
  const environment = await db.environment.findUnique({ where: { id: input.environmentId }, select: { id: true } });
  if (!environment) throw new AppError("NOT_FOUND", "Environment not found.");
  const operations = await db.operation.findMany({
    where: { environmentId: environment.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RUNS_PAGE,
    select: operationSelect,
  });
  const names = await requesters(
    ctx,
    operations.map((op) => op.requestedById),
  );
  return operations.map((op) => ({
    ...presentOperation(ctx.actor, op),
    requestedBy: (op.requestedById && names.get(op.requestedById)) || null,
  }));
}

export async function getOperation(ctx: DomainContext, input: { institutionId: string; operationId: string }) {
  const op = await scopedDb(ctx, input.institutionId).operation.findUnique({ where: { id: input.operationId }, select: operationSelect });
  if (!op) throw new AppError("NOT_FOUND", "Operation not found.");
  const names = await requesters(ctx, [op.requestedById]);
  return { ...presentOperation(ctx.actor, op), requestedBy: (op.requestedById && names.get(op.requestedById)) || null };
}

export async function operationLogs(
  ctx: DomainContext,
  input: { institutionId: string; operationId: string; afterId?: string | undefined },
) {
  const db = scopedDb(ctx, input.institutionId);
  const op = await db.operation.findUnique({ where: { id: input.operationId }, select: { id: true, status: true, error: true } });
  if (!op) throw new AppError("NOT_FOUND", "Operation not found.");
  const rows = await db.operationLog.findMany({
    where: { operationId: op.id, ...(input.afterId ? { id: { gt: BigInt(input.afterId) } } : {}) },
    orderBy: { id: "asc" },
    take: LOG_PAGE,
    select: { id: true, line: true, createdAt: true },
  });
  const lines = rows.map((row) => ({
    id: row.id.toString(),
    line: presentLogLine(ctx.actor, row.line, op.error),
    createdAt: row.createdAt,
  }));
  return {
    lines,
    /** Pass back as afterId; unchanged when there was nothing new. */
    nextAfterId: lines.at(-1)?.id ?? input.afterId ?? null,
    /** The operation has ended and this page reached the last line: stop polling. */
    complete: op.status !== "QUEUED" && op.status !== "RUNNING" && rows.length < LOG_PAGE,
  };
}
