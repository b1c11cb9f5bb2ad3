// After each metrics report: what an environment breaches now (or is about to: its budget burning
// faster than the window allows) becomes open incidents, and open incidents no longer seen resolve.
// Each opening and each resolution notifies Opus operations and the institution's admins once; a
// report that changes nothing notifies nobody. The open incident is the record of "already said":
// a partial unique index lets two concurrent reports open it only once, and resolving is a
// compare-and-set on resolvedAt.
import { environmentHealth } from "@opus/rules/environment-health";
import { CURRENT_RULES } from "@opus/rules/regulatory-thresholds";
import type { Notice } from "../notifications/notice-text.ts";
import { type NotifyDeps, notify } from "../notifications/notify.ts";
import { healthWindow, toFigures, windowRows } from "./metric-rows.ts";

export type IncidentDeps = NotifyDeps & { clock: { now(): Date } };

type Finding = { rule: string; endpoint: string; day: string };

function findingsOf(health: ReturnType<typeof environmentHealth>): Finding[] {
  const byKey = new Map<string, Finding>();
  const add = (f: Finding) => {
    const key = `${f.rule} ${f.endpoint}`;
    const seen = byKey.get(key);
    if (!seen || f.day < seen.day) byKey.set(key, f);
  };
  for (const b of health.currentBreaches) add({ rule: b.rule, endpoint: b.endpoint, day: b.day });
  // "About to breach" warns of the window; once the window is breached, that incident says it.
  const windowBreached = new Set(health.currentBreaches.filter((b) => b.rule === "availability.window").map((b) => b.endpoint));
  for (const e of health.endpoints) {
    if (e.burn.fastBurn && !windowBreached.has(e.endpoint)) add({ rule: "availability.burn", endpoint: e.endpoint, day: e.burn.to });
  }
  return [...byKey.values()];
}

export async function reconcileHealthIncidents(deps: IncidentDeps, environmentId: string) {
  const now = deps.clock.now();
  const env = await deps.db.environment.findUniqueOrThrow({
    where: { id: environmentId },
    select: { id: true, kind: true, institutionId: true, institution: { select: { slug: true } } },
  });
  const rows = await windowRows(deps.db, { environmentId }, now);
  const findings = findingsOf(environmentHealth(rows.map(toFigures), healthWindow(now).asOf));
  const open = await deps.db.healthIncident.findMany({ where: { environmentId, resolvedAt: null } });
  const who = { slug: env.institution.slug, envKind: env.kind };
  const link = `/institutions/${env.institutionId}/health`;
  const both = async (notice: Notice) => {
    for (const institutionId of [null, env.institutionId]) await notify(deps, { institutionId, notice, link });
  };

  let opened = 0;
  for (const f of findings) {
    // The partial unique index decides "already open" (by an earlier report, or one arriving at
    // the same moment): then nothing is inserted and nobody is told again.
    const created = await deps.db.healthIncident.createMany({
      data: { institutionId: env.institutionId, environmentId, rule: f.rule, endpoint: f.endpoint, firstDay: f.day, openedAt: now },
      skipDuplicates: true,
    });
    if (created.count === 0) continue;
    opened++;
    await both({
      kind: "health.incident_opened",
      params: { ...who, rule: f.rule, endpoint: f.endpoint, day: f.day, rulesVersion: CURRENT_RULES.version },
    });
  }
  let resolved = 0;
  for (const incident of open) {
    if (findings.some((f) => f.rule === incident.rule && f.endpoint === incident.endpoint)) continue;
    const moved = await deps.db.healthIncident.updateMany({ where: { id: incident.id, resolvedAt: null }, data: { resolvedAt: now } });
    if (moved.count === 0) continue;
    resolved++;
    await both({
      kind: "health.incident_resolved",
      params: { ...who, rule: incident.rule, endpoint: incident.endpoint, firstDay: incident.firstDay },
    });
  }
  return { opened, resolved };
}
