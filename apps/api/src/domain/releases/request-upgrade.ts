// A person moves one environment to a release: refused with the reason before anything changes
// (release status, pin, Kubernetes range, oldest upgradable version, window and freezes), else one
// UP operation that deploys that release, through the ordinary environment-operation path.
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { enqueueOperation } from "../environments/enqueue-operation.ts";
import { operationSelect, presentOperation } from "../environments/operation-select.ts";
import { scopedDb } from "../tenant-scope/scoped-db.ts";
import { scheduleOf, upgradeEnvironmentOf, upgradeFactsSelect } from "./environment-release.ts";
import { readFleetFreezes } from "./fleet-control.ts";
import { eligibility } from "./maintenance-windows.ts";
import { upgradeVerdict } from "./upgrade-refusal.ts";

export async function requestUpgrade(ctx: DomainContext, input: { institutionId: string; environmentId: string; releaseId: string }) {
  const db = scopedDb(ctx, input.institutionId);
  const env = await db.environment.findFirst({
    where: { id: input.environmentId },
    select: upgradeFactsSelect,
  });
  if (!env) throw new AppError("NOT_FOUND", "Environment not found.");
  const release = await ctx.db.release.findUnique({ where: { id: input.releaseId } });
  if (!release) throw new AppError("NOT_FOUND", "Release not found.");
  const facts = upgradeEnvironmentOf(env, ctx.settings.saasKubernetes);
  const label = facts.label;
  const verdict = upgradeVerdict(facts, release);
  if (verdict.kind === "already") throw new AppError("PRECONDITION_FAILED", `${label} already runs ${release.version}.`);
  if (verdict.kind === "refused") throw new AppError("PRECONDITION_FAILED", verdict.reason);
  const now = ctx.clock.now();
  const state = eligibility(scheduleOf(env), await readFleetFreezes(ctx.db), now);
  if (!state.eligible) throw new AppError("PRECONDITION_FAILED", `${label} may not change now: ${state.reason}.`);

  const { operation, created } = await audited(ctx, db, async (tx) => {
    const queued = await enqueueOperation(
      tx,
      { now },
      { environmentId: env.id, kind: "UP", onePending: true, requestedById: ctx.actor.userId, releaseVersion: release.version },
    );
    if (!queued.created) {
      // The same click again is the same answer; a pending deploy of another release is not.
      if (queued.operation.releaseVersion !== release.version) {
        throw new AppError(
          "CONFLICT",
          `${label} already has a deploy queued (${queued.operation.releaseVersion ?? "its current release"}); wait for it to end.`,
        );
      }
      return { result: queued, audit: null };
    }
    await tx.environment.updateMany({ where: { id: env.id }, data: { desiredReleaseVersion: release.version } });
    return {
      result: queued,
      audit: {
        action: "environment.operation_requested",
        institutionId: input.institutionId,
        targetType: "operation",
        targetId: queued.operation.id,
        data: { environmentId: env.id, stackName: queued.operation.stackName, kind: "UP", release: release.version },
      },
    };
  });
  const selected = await db.operation.findUniqueOrThrow({ where: { id: operation.id }, select: operationSelect });
  return { operation: presentOperation(ctx.actor, selected), created };
}
