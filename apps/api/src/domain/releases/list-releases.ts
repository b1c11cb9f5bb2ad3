// The registry, newest version first (semantic order, not text order: 3.10.0 is newer than 3.9.0).
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import { releaseSelect } from "./release-select.ts";
import { compareReleases } from "./versions.ts";

export async function listReleases(ctx: DomainContext) {
  authorize(ctx.actor, "releases.read");
  const releases = await ctx.db.release.findMany({ select: releaseSelect });
  return releases.sort((a, b) => compareReleases(b.version, a.version));
}

export async function getRelease(ctx: DomainContext, releaseId: string) {
  authorize(ctx.actor, "releases.read");
  const release = await ctx.db.release.findUnique({ where: { id: releaseId }, select: releaseSelect });
  if (!release) throw new AppError("NOT_FOUND", "Release not found.");
  return release;
}
