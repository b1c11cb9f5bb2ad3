// Version arithmetic for releases and clusters, in one place: platform releases are semantic
// versions (the `semver` library decides order and validity), Kubernetes versions are compared by
// major.minor (a cluster reports "v1.30.4-eks-…"; support is declared per minor).
import semver from "semver";

export function isReleaseVersion(text: string): boolean {
  return semver.valid(text) !== null && !text.startsWith("v");
}

export function compareReleases(a: string, b: string): number {
  return semver.compare(a, b);
}

/** "1.30", "v1.30.4", "1.30.4-eks-2" → [1, 30]; null when it is not a Kubernetes version. */
export function kubernetesMinor(text: string): [number, number] | null {
  const match = /^v?(\d+)\.(\d+)(?:\.\d+)?(?:[-+].*)?$/.exec(text.trim());
  if (!match) return null;
  return [Number(match[1]), Number(match[2])];
}

function compareMinor(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Null when the cluster's version is inside [min, max] (by minor), else why not, in words. */
export function kubernetesRefusal(cluster: string, range: { min: string; max: string }, release: string): string | null {
  const at = kubernetesMinor(cluster);
  const min = kubernetesMinor(range.min);
  const max = kubernetesMinor(range.max);
  if (!at) return `its cluster reports "${cluster}", which is not a Kubernetes version`;
  if (!min || !max) return `release ${release} declares no valid Kubernetes range`;
  if (compareMinor(at, min) < 0 || compareMinor(at, max) > 0) {
    return `its cluster runs Kubernetes ${at.join(".")}, and release ${release} supports ${range.min} to ${range.max}`;
  }
  return null;
}

/** How many minor versions `running` is behind `latest` (0 for a newer major's patch line, counted by major too). */
export function minorsBehind(running: string, latest: string): number {
  const a = semver.parse(running);
  const b = semver.parse(latest);
  if (!a || !b) return 0;
  if (a.major === b.major) return Math.max(0, b.minor - a.minor);
  return b.major > a.major ? (b.major - a.major) * 100 + b.minor : 0;
}
