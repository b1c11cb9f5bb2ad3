// Whether an environment may be moved onto a release, decided before anything changes: the
// release's status, the environment's pin, the cluster's Kubernetes version against the release's
// range, and the oldest version the release upgrades from. Pure; the orchestrator, the planner and
// a person's single upgrade all ask it, so they refuse for the same reasons in the same words.
import { compareReleases, kubernetesRefusal } from "./versions.ts";

export type UpgradeRelease = {
  version: string;
  status: string;
  kubernetesMin: string;
  kubernetesMax: string;
  minUpgradableFrom: string | null;
};
export type UpgradeEnvironment = {
  label: string;
  runningVersion: string | null;
  pinnedVersion: string | null;
  kubernetesVersion: string | null;
};

export type UpgradeVerdict = { kind: "ok" } | { kind: "already" } | { kind: "refused"; reason: string };

export function upgradeVerdict(env: UpgradeEnvironment, release: UpgradeRelease): UpgradeVerdict {
  const refused = (why: string): UpgradeVerdict => ({ kind: "refused", reason: `${env.label} cannot move to ${release.version}: ${why}.` });
  if (release.status !== "AVAILABLE") return refused(`the release is ${release.status.toLowerCase()}`);
  if (env.runningVersion === release.version) return { kind: "already" };
  if (env.pinnedVersion && env.pinnedVersion !== release.version) return refused(`it is pinned to ${env.pinnedVersion}`);
  if (env.kubernetesVersion) {
    const k8s = kubernetesRefusal(env.kubernetesVersion, { min: release.kubernetesMin, max: release.kubernetesMax }, release.version);
    if (k8s) return refused(k8s);
  }
  if (env.runningVersion) {
    if (compareReleases(env.runningVersion, release.version) > 0) {
      return refused(`it runs ${env.runningVersion}, which is newer (a rollback moves back, a rollout only forward)`);
    }
    if (release.minUpgradableFrom && compareReleases(env.runningVersion, release.minUpgradableFrom) < 0) {
      return refused(`it runs ${env.runningVersion}, and the release upgrades only from ${release.minUpgradableFrom} or newer`);
    }
  }
  return { kind: "ok" };
}
