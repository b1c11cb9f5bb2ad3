// Read side of provisioning for the console: an institution's environments with their latest
// operation, an environment's runs, one operation, and its log lines after a cursor (the console
// polls to tail them).

import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import { operationSelect, scopedOperation, withDuration } from "./operation-select.ts";

const LOG_PAGE = 500;
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
  const environments = await ctx.db.environment.findMany({
    where: { institutionId: input.institutionId },
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
  return environments.map(({ operations, ...environment }) => ({
    ...environment,
    latestOperation: operations[0] ? withDuration(operations[0]) : null,
  }));
}

export async function listOperations(ctx: DomainContext, input: { institutionId: string; environmentId: string }) {
  const environment = await ctx.db.environment.findFirst({
    where: { id: input.environmentId, institutionId: input.institutionId },
    select: { id: true },
  });
  if (!environment) throw new AppError("NOT_FOUND", "Environment not found.");
  const operations = await ctx.db.operation.findMany({
    where: { environmentId: environment.id },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: RUNS_PAGE,
    select: operationSelect,
  });
  const names = await requesters(
    ctx,
    operations.map((op) => op.requestedById),
  );
  return operations.map((op) => ({ ...withDuration(op), requestedBy: (op.requestedById && names.get(op.requestedById)) || null }));
}

export async function getOperation(ctx: DomainContext, input: { institutionId: string; operationId: string }) {
  const op = await ctx.db.operation.findFirst({ where: scopedOperation(input.institutionId, input.operationId), select: operationSelect });
  if (!op) throw new AppError("NOT_FOUND", "Operation not found.");
  const names = await requesters(ctx, [op.requestedById]);
  return { ...withDuration(op), requestedBy: (op.requestedById && names.get(op.requestedById)) || null };
}

export async function operationLogs(
  ctx: DomainContext,
  input: { institutionId: string; operationId: string; afterId?: string | undefined },
) {
  const op = await ctx.db.operation.findFirst({
    where: scopedOperation(input.institutionId, input.operationId),
    select: { id: true, status: true },
  });
  if (!op) throw new AppError("NOT_FOUND", "Operation not found.");
  const rows = await ctx.db.operationLog.findMany({
    where: { operationId: op.id, ...(input.afterId ? { id: { gt: BigInt(input.afterId) } } : {}) },
    orderBy: { id: "asc" },
    take: LOG_PAGE,
    select: { id: true, line: true, createdAt: true },
  });
  const lines = rows.map((row) => ({ id: row.id.toString(), line: row.line, createdAt: row.createdAt }));
  return {
    lines,
    /** Pass back as afterId; unchanged when there was nothing new. */
    nextAfterId: lines.at(-1)?.id ?? input.afterId ?? null,
    /** The operation has ended and this page reached the last line: stop polling. */
    complete: op.status !== "QUEUED" && op.status !== "RUNNING" && rows.length < LOG_PAGE,
  };
}
