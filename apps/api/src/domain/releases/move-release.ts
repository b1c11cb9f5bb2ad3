// Publish, deprecate, withdraw: each one compare-and-set move of the release's status (the table
// of moves is `@opus/rules/releases`). Of many concurrent identical clicks one wins; the others get
// CONFLICT saying what the release is now.
import { canMoveRelease, RELEASE_MOVES, type ReleaseMove } from "@opus/rules/releases";
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import { notifyReleasePublished } from "./notify-release-published.ts";
import { releaseSelect } from "./release-select.ts";

const ACTION = { publish: "release.published", deprecate: "release.deprecated", withdraw: "release.withdrawn" } as const;

export async function moveRelease(ctx: DomainContext, input: { releaseId: string; move: ReleaseMove; reason?: string | undefined }) {
  authorize(ctx.actor, "releases.manage");
  if (input.move === "withdraw" && !input.reason) {
    throw new AppError("BAD_INPUT", "Say why the release is withdrawn: the people running it will read it.", {
      fields: { reason: "is required" },
    });
  }
  const now = ctx.clock.now();
  const moved = await audited(ctx, ctx.db, async (tx) => {
    const release = await tx.release.findUnique({ where: { id: input.releaseId }, select: { id: true, version: true, status: true } });
    if (!release) throw new AppError("NOT_FOUND", "Release not found.");
    if (!canMoveRelease(input.move, release.status)) throw refusal(input.move, release.version, release.status);
    const { from, to } = RELEASE_MOVES[input.move];
    const data =
      input.move === "publish"
        ? { publishedAt: now, publishedById: ctx.actor.userId }
        : input.move === "withdraw"
          ? { withdrawnAt: now, withdrawnById: ctx.actor.userId, withdrawReason: input.reason ?? null }
          : {};
    const moved = await tx.release.updateMany({ where: { id: release.id, status: { in: [...from] } }, data: { status: to, ...data } });
    if (moved.count !== 1) {
      const current = await tx.release.findUniqueOrThrow({ where: { id: release.id }, select: { status: true } });
      throw refusal(input.move, release.version, current.status, "CONFLICT");
    }
    const result = await tx.release.findUniqueOrThrow({ where: { id: release.id }, select: releaseSelect });
    return {
      result,
      audit: {
        action: ACTION[input.move],
        targetType: "release",
        targetId: release.id,
        data: { version: release.version, from: release.status, to, ...(input.reason ? { reason: input.reason } : {}) },
      },
    };
  });
  if (input.move === "publish") {
    // After the commit, and only for the one click that published it; the release stands if mail fails.
    await notifyReleasePublished(ctx, moved.id).catch((err: unknown) =>
      ctx.log.error({ err, releaseId: moved.id }, "self-managed admins not notified of the release"),
    );
  }
  return moved;
}

function refusal(move: ReleaseMove, version: string, status: string, code: "CONFLICT" | "INVALID_TRANSITION" = "INVALID_TRANSITION") {
  return new AppError(code, `Cannot ${move} release ${version}: it is ${status.toLowerCase()}.`);
}
