// A published release that self-managed installations should take: Opus does not upgrade them, so
// their admins hear of it (console and e-mail), once per institution, naming the environments that
// follow the release's channel (not pinned) and run an older version.
import type { DomainContext } from "../domain-context.ts";
import { notify } from "../notifications/notify.ts";
import { compareReleases } from "./versions.ts";

export async function notifyReleasePublished(ctx: DomainContext, releaseId: string) {
  const release = await ctx.db.release.findUniqueOrThrow({
    where: { id: releaseId },
    select: { version: true, channel: true, kubernetesMin: true, kubernetesMax: true, minUpgradableFrom: true, notes: true },
  });
  const environments = await ctx.db.environment.findMany({
    where: {
      institution: { deploymentMode: "SELF_MANAGED", status: { in: ["APPROVED", "PROVISIONING", "ACTIVE"] } },
      status: { notIn: ["DESTROYING", "DESTROYED"] },
      pinnedReleaseVersion: null,
      updateChannel: release.channel,
    },
    select: { kind: true, releaseVersion: true, institutionId: true, institution: { select: { slug: true } } },
    orderBy: { kind: "asc" },
  });
  const behind = environments.filter((e) => e.releaseVersion === null || compareReleases(e.releaseVersion, release.version) < 0);
  const byInstitution = new Map<string, typeof behind>();
  for (const e of behind) byInstitution.set(e.institutionId, [...(byInstitution.get(e.institutionId) ?? []), e]);
  for (const [institutionId, envs] of byInstitution) {
    await notify(
      { db: ctx.db, mailer: ctx.ports.mailer, log: ctx.log, publicUrl: ctx.settings.publicUrl },
      {
        institutionId,
        link: `/institutions/${institutionId}/environments`,
        notice: {
          kind: "release.published",
          params: {
            version: release.version,
            channel: release.channel,
            environments: envs.map((e) => ({ kind: e.kind, releaseVersion: e.releaseVersion })),
            kubernetesMin: release.kubernetesMin,
            kubernetesMax: release.kubernetesMax,
            minUpgradableFrom: release.minUpgradableFrom,
          },
        },
      },
    );
  }
  return { institutions: byInstitution.size };
}
