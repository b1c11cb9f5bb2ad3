// The rollout plan, computed before anything starts: which wave each environment is in, when each
// is expected to upgrade (from the wave order, its concurrency, soak times, every environment's
// maintenance windows and freezes and the fleet's freezes), who waits and why, who is skipped and
// why, and the version matrix after each wave. Pure and deterministic: the same inputs give the
// same plan and the same hash, which is what approvers approve.
//
// The simulation is the orchestrator's own policy: whenever a slot is free, the first environment
// of the wave (in plan order) that may change at that instant starts; an environment outside its
// window lets the next one go first instead of blocking the slot.
import { createHash } from "node:crypto";
import { canonicalJson } from "../billing/report-content.ts";
import { eligibility, type Freeze, firstEligible, type Schedule } from "../releases/maintenance-windows.ts";
import { type UpgradeRelease, upgradeVerdict } from "../releases/upgrade-refusal.ts";

export type PlanEnvironment = {
  environmentId: string;
  institutionId: string;
  /** "<slug> (production)" */
  label: string;
  kind: string;
  mode: string;
  planId: string | null;
  runningVersion: string | null;
  pinnedVersion: string | null;
  kubernetesVersion: string | null;
  schedule: Schedule;
  /** Already in another rollout that has not ended: its name. */
  busyIn: string | null;
};

export type Concurrency = { count: number } | { percent: number };

export type WaveSpec = {
  name: string;
  /** Which environments this wave takes (each filter empty = any); an environment goes to the first wave that takes it. */
  kinds?: string[] | undefined;
  modes?: string[] | undefined;
  institutionIds?: string[] | undefined;
  maxConcurrency: Concurrency;
  soakMinutes: number;
  failureThreshold: number;
  requiresApproval: boolean;
  healthGate: boolean;
  rollbackOnBreach: boolean;
};

export type PlannedEnvironment = {
  environmentId: string;
  institutionId: string;
  label: string;
  kind: string;
  mode: string;
  fromVersion: string | null;
  /** Wave position, or null when no wave takes it. */
  wave: number | null;
  action: "upgrade" | "notify" | "skip";
  reason: string | null;
  expectedAt: string | null;
  finishesAt: string | null;
  /** Why it does not start as soon as its wave does. */
  waits: string[];
};

export type PlannedWave = {
  position: number;
  name: string;
  size: number;
  maxConcurrency: number;
  soakMinutes: number;
  failureThreshold: number;
  requiresApproval: boolean;
  fourEyes: boolean;
  healthGate: boolean;
  rollbackOnBreach: boolean;
  startsAt: string;
  upgradesEndAt: string;
  soakUntil: string;
  /** Running versions of the whole selection once this wave is done: version → environments. */
  matrixAfter: Record<string, number>;
};

export type RolloutPlan = {
  release: string;
  startAt: string;
  upgradeMinutes: number;
  waves: PlannedWave[];
  environments: PlannedEnvironment[];
  endsAt: string;
  counts: { upgrade: number; notify: number; skip: number };
};

export type PlanInput = {
  release: UpgradeRelease;
  environments: PlanEnvironment[];
  waves: WaveSpec[];
  fleetFreezes: Freeze[];
  startAt: Date;
  /** How long one upgrade is expected to take (for expected times only). */
  upgradeMinutes: number;
};

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const NO_VERSION = "(none)";

/** Who a planned environment is, the same in every entry of the plan. */
function identityOf(env: PlanEnvironment) {
  return {
    environmentId: env.environmentId,
    institutionId: env.institutionId,
    label: env.label,
    kind: env.kind,
    mode: env.mode,
    fromVersion: env.runningVersion,
  };
}

export function waveConcurrency(concurrency: Concurrency, size: number): number {
  const limit = "count" in concurrency ? concurrency.count : Math.floor((size * concurrency.percent) / 100);
  return Math.max(1, Math.min(limit, Math.max(size, 1)));
}

function takes(wave: WaveSpec, env: PlanEnvironment): boolean {
  const has = (list: string[] | undefined, value: string | null) => !list || list.length === 0 || (value !== null && list.includes(value));
  return has(wave.kinds, env.kind) && has(wave.modes, env.mode) && has(wave.institutionIds, env.institutionId);
}

export function planRollout(input: PlanInput): RolloutPlan {
  const ordered = [...input.environments].sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const upgradeMs = input.upgradeMinutes * MINUTE;
  const planned = new Map<string, PlannedEnvironment>();
  const byWave: PlanEnvironment[][] = input.waves.map(() => []);

  for (const env of ordered) {
    const base = {
      ...identityOf(env),
      expectedAt: null,
      finishesAt: null,
      waits: [],
    };
    const wave = input.waves.findIndex((w) => takes(w, env));
    const skip = (reason: string, at: number | null = wave < 0 ? null : wave) =>
      planned.set(env.environmentId, { ...base, wave: at, action: "skip", reason });
    if (wave < 0) {
      skip("no wave takes it");
      continue;
    }
    if (env.busyIn) {
      skip(`it is already in the rollout "${env.busyIn}"`);
      continue;
    }
    const verdict = upgradeVerdict(env, input.release);
    if (verdict.kind === "already") {
      skip(`it already runs ${input.release.version}`);
      continue;
    }
    if (verdict.kind === "refused") {
      skip(verdict.reason);
      continue;
    }
    byWave[wave]?.push(env);
  }

  const versions = new Map<string, string>(ordered.map((e) => [e.environmentId, e.runningVersion ?? NO_VERSION]));
  const waves: PlannedWave[] = [];
  let waveStart = input.startAt.getTime();
  input.waves.forEach((spec, position) => {
    const members = byWave[position] ?? [];
    const managed = members.filter((e) => e.mode !== "SELF_MANAGED");
    for (const env of members.filter((e) => e.mode === "SELF_MANAGED")) {
      planned.set(env.environmentId, {
        ...identityOf(env),
        wave: position,
        action: "notify",
        reason: "self-managed: its admins are notified and its heartbeat tracks the version",
        expectedAt: iso(waveStart),
        finishesAt: null,
        waits: [],
      });
    }
    const concurrency = waveConcurrency(spec.maxConcurrency, managed.length);
    const end = simulateWave(managed, concurrency, waveStart, upgradeMs, input.fleetFreezes, (env, at, waits) => {
      planned.set(env.environmentId, {
        ...identityOf(env),
        wave: position,
        action: "upgrade",
        reason: at === null ? "none of its maintenance windows opens within a year" : null,
        expectedAt: at === null ? null : iso(at),
        finishesAt: at === null ? null : iso(at + upgradeMs),
        waits,
      });
      if (at !== null) versions.set(env.environmentId, input.release.version);
    });
    const soakUntil = end + spec.soakMinutes * MINUTE;
    const matrixAfter: Record<string, number> = {};
    for (const version of versions.values()) matrixAfter[version] = (matrixAfter[version] ?? 0) + 1;
    waves.push({
      position,
      name: spec.name,
      size: members.length,
      maxConcurrency: concurrency,
      soakMinutes: spec.soakMinutes,
      failureThreshold: spec.failureThreshold,
      requiresApproval: spec.requiresApproval || members.some((e) => e.kind === "PRODUCTION"),
      fourEyes: members.some((e) => e.kind === "PRODUCTION"),
      healthGate: spec.healthGate,
      rollbackOnBreach: spec.rollbackOnBreach,
      startsAt: iso(waveStart),
      upgradesEndAt: iso(end),
      soakUntil: iso(soakUntil),
      matrixAfter,
    });
    waveStart = soakUntil;
  });

  const environments = ordered.map((e) => planned.get(e.environmentId)).filter((e): e is PlannedEnvironment => e !== undefined);
  const counts = { upgrade: 0, notify: 0, skip: 0 };
  for (const e of environments) counts[e.action]++;
  return {
    release: input.release.version,
    startAt: input.startAt.toISOString(),
    upgradeMinutes: input.upgradeMinutes,
    waves,
    environments,
    endsAt: iso(waveStart),
    counts,
  };
}

/** The hash approvers approve: SHA-256 of the plan's canonical JSON. */
export function planHash(plan: RolloutPlan): string {
  return createHash("sha256").update(canonicalJson(plan), "utf8").digest("hex");
}

/** Runs one wave's slots over time; returns when its last upgrade is expected to end. */
function simulateWave(
  members: PlanEnvironment[],
  concurrency: number,
  start: number,
  upgradeMs: number,
  fleetFreezes: Freeze[],
  place: (env: PlanEnvironment, at: number | null, waits: string[]) => void,
): number {
  const slots: number[] = Array.from({ length: concurrency }, () => start);
  const pending = [...members];
  // First eligible instant ≥ `from` per environment: valid for any query time in [from, at].
  const cache = new Map<string, { from: number; at: number | null }>();
  const nextEligible = (env: PlanEnvironment, t: number): number | null => {
    const hit = cache.get(env.environmentId);
    if (hit && hit.from <= t && (hit.at === null || hit.at >= t)) return hit.at;
    const found = firstEligible(env.schedule, fleetFreezes, new Date(t));
    const at = found ? found.at.getTime() : null;
    cache.set(env.environmentId, { from: t, at });
    return at;
  };
  let end = start;
  let now = start;
  while (pending.length > 0) {
    slots.sort((a, b) => a - b);
    now = Math.max(now, slots[0] ?? now);
    let chosen = -1;
    let soonest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < pending.length; i++) {
      const env = pending[i] as PlanEnvironment;
      const at = nextEligible(env, now);
      if (at === null) continue;
      if (at <= now) {
        chosen = i;
        break;
      }
      soonest = Math.min(soonest, at);
    }
    if (chosen < 0) {
      if (soonest === Number.POSITIVE_INFINITY) {
        for (const env of pending) place(env, null, []);
        break;
      }
      now = soonest;
      continue;
    }
    const [env] = pending.splice(chosen, 1) as [PlanEnvironment];
    place(env, now, waitsOf(env, start, now, concurrency, fleetFreezes));
    slots[0] = now + upgradeMs;
    end = Math.max(end, now + upgradeMs);
  }
  return end;
}

/** Why an environment starts after its wave does: its schedule at the wave's start, else the wave's concurrency. */
function waitsOf(env: PlanEnvironment, waveStart: number, at: number, concurrency: number, fleetFreezes: Freeze[]): string[] {
  if (at === waveStart) return [];
  const state = eligibility(env.schedule, fleetFreezes, new Date(waveStart));
  const waits = state.eligible ? [] : (firstEligible(env.schedule, fleetFreezes, new Date(waveStart))?.waited ?? [state.reason]);
  const eligibleFrom = firstEligible(env.schedule, fleetFreezes, new Date(waveStart))?.at.getTime() ?? waveStart;
  if (at > eligibleFrom) waits.push(`waits for a free slot (at most ${concurrency} at once)`);
  return waits;
}
