// Releases compared by the health of the environments that run them: how many run each, how many
// of those breach or are about to, and how many breaches they carry now. Unreleased ("—") groups
// environments whose release Opus does not know.
import type { HealthStatus } from "@opus/rules/environment-health";
import { compareReleases } from "../releases/versions.ts";

export type ReleaseHealth = { version: string | null; environments: number; breaching: number; atRisk: number; breaches: number };

export function releaseHealth(items: { environment: { releaseVersion: string | null }; status: HealthStatus; breaches: unknown[] }[]) {
  const byVersion = new Map<string | null, ReleaseHealth>();
  for (const i of items) {
    const version = i.environment.releaseVersion;
    const row = byVersion.get(version) ?? { version, environments: 0, breaching: 0, atRisk: 0, breaches: 0 };
    row.environments++;
    if (i.status === "BREACHING") row.breaching++;
    if (i.status === "AT_RISK") row.atRisk++;
    row.breaches += i.breaches.length;
    byVersion.set(version, row);
  }
  // Newest release first; unknown last.
  return [...byVersion.values()].sort((a, b) => (a.version === null ? 1 : b.version === null ? -1 : compareReleases(b.version, a.version)));
}
