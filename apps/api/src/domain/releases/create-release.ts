// Registers a release as a draft. Nothing runs it until it is published (and a rollout targets it).
import { authorize } from "../../authz/permissions.ts";
import { AppError } from "../../errors/app-error.ts";
import { onUniqueViolation } from "../../errors/database-errors.ts";
import { audited } from "../audit/audited.ts";
import type { DomainContext } from "../domain-context.ts";
import type { ReleaseInput } from "./release-input.ts";
import { releaseSelect } from "./release-select.ts";
import { compareReleases, kubernetesMinor } from "./versions.ts";

export async function createRelease(ctx: DomainContext, input: ReleaseInput) {
  authorize(ctx.actor, "releases.manage");
  const [minMajor = 0, minMinor = 0] = kubernetesMinor(input.kubernetesMin) ?? [];
  const [maxMajor = 0, maxMinor = 0] = kubernetesMinor(input.kubernetesMax) ?? [];
  if (minMajor > maxMajor || (minMajor === maxMajor && minMinor > maxMinor)) {
    throw new AppError("BAD_INPUT", "The oldest supported Kubernetes version is newer than the newest.", {
      fields: { kubernetesMin: "is newer than kubernetesMax" },
    });
  }
  if (input.minUpgradableFrom && compareReleases(input.minUpgradableFrom, input.version) >= 0) {
    throw new AppError(
      "BAD_INPUT",
      `A release upgrades from older versions: ${input.minUpgradableFrom} is not older than ${input.version}.`,
      {
        fields: { minUpgradableFrom: "must be older than the version" },
      },
    );
  }
  return onUniqueViolation(
    audited(ctx, ctx.db, async (tx) => {
      const release = await tx.release.create({ data: { ...input, createdById: ctx.actor.userId }, select: releaseSelect });
      return {
        result: release,
        audit: { action: "release.created", targetType: "release", targetId: release.id, data: { version: release.version } },
      };
    }),
    { release_version_key: { message: `Release ${input.version} already exists.`, fields: { version: "already exists" } } },
  );
}
