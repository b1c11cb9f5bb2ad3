// The fleet by release: how many environments of each mode run each version, which ones are
// skewed (too many minor versions behind the newest available release, on a deprecated or withdrawn
// release, or a self-managed installation whose heartbeat is stale), how many versions are in
// circulation, and how long each release took from publication to its first adoption.
import { authorize } from "../../authz/permissions.ts";
import { csv } from "../../lib/csv.ts";
import type { DomainContext } from "../domain-context.ts";
import { compareReleases, minorsBehind } from "./versions.ts";

export type MatrixOptions = { maxMinorsBehind: number; staleAfterMinutes: number };
export const MATRIX_DEFAULTS: MatrixOptions = { maxMinorsBehind: 2, staleAfterMinutes: 60 };
const MODES = ["SAAS", "MANAGED", "SELF_MANAGED"] as const;
const UNKNOWN = "unknown";

export async function versionMatrix(ctx: DomainContext, options: MatrixOptions = MATRIX_DEFAULTS) {
  authorize(ctx.actor, "releases.read");
  const now = ctx.clock.now();
  const [environments, releases, firstDeploys] = await Promise.all([
    ctx.db.environment.findMany({
      where: { status: { notIn: ["DESTROYED", "DESTROYING"] }, institution: { deploymentMode: { not: null } } },
      select: {
        id: true,
        kind: true,
        releaseVersion: true,
        lastHeartbeatAt: true,
        institution: { select: { slug: true, deploymentMode: true } },
      },
      orderBy: { stackName: "asc" },
    }),
    ctx.db.release.findMany({ select: { version: true, status: true, publishedAt: true } }),
    // First adoption: the first succeeded deploy that recorded the release.
    ctx.db.operation.groupBy({
      by: ["releaseVersion"],
      where: { kind: "UP", status: "SUCCEEDED", releaseVersion: { not: null } },
      _min: { finishedAt: true },
    }),
  ]);
  const statusOf = new Map(releases.map((r) => [r.version, r.status]));
  const latest = releases
    .filter((r) => r.status === "AVAILABLE")
    .map((r) => r.version)
    .sort(compareReleases)
    .at(-1);
  const staleBefore = now.getTime() - options.staleAfterMinutes * 60_000;

  const rows = environments.map((env) => {
    const mode = env.institution.deploymentMode ?? "SAAS";
    const version = env.releaseVersion ?? UNKNOWN;
    const behind = latest && env.releaseVersion ? minorsBehind(env.releaseVersion, latest) : 0;
    const status = statusOf.get(version) ?? null;
    const stale = mode === "SELF_MANAGED" && (!env.lastHeartbeatAt || env.lastHeartbeatAt.getTime() < staleBefore);
    const skew = [
      ...(behind > options.maxMinorsBehind ? [`${behind} minor versions behind ${latest}`] : []),
      ...(status === "WITHDRAWN" || status === "DEPRECATED" ? [`on a ${status.toLowerCase()} release`] : []),
      ...(stale ? [env.lastHeartbeatAt ? `heartbeat stale since ${env.lastHeartbeatAt.toISOString()}` : "no heartbeat yet"] : []),
    ];
    return {
      environmentId: env.id,
      label: `${env.institution.slug} (${env.kind.toLowerCase()})`,
      mode,
      kind: env.kind,
      version,
      lastHeartbeatAt: env.lastHeartbeatAt,
      skew,
    };
  });

  const versions = [...new Set(rows.map((r) => r.version))].sort((a, b) =>
    a === UNKNOWN ? 1 : b === UNKNOWN ? -1 : compareReleases(b, a),
  );
  const adoption = new Map(firstDeploys.map((d) => [d.releaseVersion, d._min.finishedAt]));
  const byVersion = versions.map((version) => {
    const mine = rows.filter((r) => r.version === version);
    const release = releases.find((r) => r.version === version);
    const first = adoption.get(version) ?? null;
    return {
      version,
      status: release?.status ?? null,
      counts: Object.fromEntries(MODES.map((m) => [m, mine.filter((r) => r.mode === m).length])) as Record<(typeof MODES)[number], number>,
      total: mine.length,
      skewed: mine.filter((r) => r.skew.length > 0).length,
      publishedAt: release?.publishedAt ?? null,
      firstAdoptedAt: first,
      hoursToAdoption:
        release?.publishedAt && first ? Math.round(((first.getTime() - release.publishedAt.getTime()) / 3_600_000) * 10) / 10 : null,
    };
  });
  return {
    latest: latest ?? null,
    distinctVersions: versions.filter((v) => v !== UNKNOWN).length,
    options,
    versions: byVersion,
    environments: rows,
  };
}

export async function exportVersionMatrix(ctx: DomainContext, options: MatrixOptions = MATRIX_DEFAULTS) {
  const matrix = await versionMatrix(ctx, options);
  const text = csv([
    ["environment", "mode", "kind", "release", "skew"],
    ...matrix.environments.map((e) => [e.label, e.mode, e.kind, e.version, e.skew.join("; ")]),
  ]);
  return { filename: "version-matrix.csv", contentType: "text/csv; charset=utf-8", base64: Buffer.from(text, "utf8").toString("base64") };
}
