// Builds a run's spec and records on the operation what it was built with (both fingerprints and
// the release), so a later "Approve and deploy" of a preview can be held to it. A deploy that
// applies a preview is refused here when the spec differs from the preview's: the enqueue already
// compared the tenant's records, but the worker's configuration (region servers, default release)
// can change too, and only the worker sees it.
import type { Operation } from "@opus/db/generated";
import { hashTenantSpec, PREVIEW_AGAIN, specInputsHash } from "../domain/environments/spec-fingerprint.ts";
import { NotRetryableError } from "./not-retryable.ts";
import { ownedBy } from "./queue.ts";
import { type BuiltSpec, buildTenantSpec, type SpecDeps } from "./spec-builder.ts";

type SpecOperation = Pick<Operation, "id" | "kind" | "environmentId" | "releaseVersion" | "previewOperationId">;

export function buildRecordedSpec(deps: SpecDeps, op: SpecOperation, workerId: string): Promise<BuiltSpec> {
  return recordSpec(deps, op, workerId, (releaseVersion) => buildTenantSpec(deps, op.environmentId, releaseVersion));
}

/**
 * Builds with `build` (the full spec, or an agent's without credentials), compares with the
 * preview a deploy applies, and records the fingerprints. The spec hash is of what `build`
 * returned: an agent's run is held to its preview on everything but the credentials it keeps.
 */
export async function recordSpec<S extends { spec: { release: { version: string } } }>(
  deps: Pick<SpecDeps, "db">,
  op: SpecOperation,
  workerId: string,
  build: (releaseVersion: string | null) => Promise<S>,
): Promise<S> {
  // Fingerprint first: a change landing while the spec is built makes the recorded fingerprint
  // the older one, so a deploy is refused rather than applied unseen.
  const inputsHash = await specInputsHash(deps.db, op.environmentId);
  // A deploy or preview may name a release (an upgrade); other runs keep the environment's.
  const built = await build(op.kind === "UP" || op.kind === "PREVIEW" ? op.releaseVersion : null);
  const specHash = hashTenantSpec(built.spec);
  const release = built.spec.release.version;

  if (op.previewOperationId) {
    const preview = await deps.db.operation.findUnique({
      where: { id: op.previewOperationId },
      select: { specHash: true, specReleaseVersion: true },
    });
    if (preview?.specHash !== specHash) {
      const releases =
        preview?.specReleaseVersion && preview.specReleaseVersion !== release
          ? ` (the preview ran release ${preview.specReleaseVersion}, this deploy would run ${release})`
          : "";
      throw new NotRetryableError(`The tenant's specification changed since the preview this deploy applies${releases}. ${PREVIEW_AGAIN}`);
    }
  }
  await deps.db.operation.updateMany({
    where: ownedBy(op.id, workerId),
    data: { specHash, specInputsHash: inputsHash, specReleaseVersion: release },
  });
  return built;
}
