// The rollout form's waves as a person edits them (text in number fields, tenants as typed) and
// their translation to the API's wave specs. Errors name the wave and field; ranges beyond "a whole
// number" are the API's to check, and its messages are shown as they come.
import type { DeploymentMode, EnvironmentKind } from "@opus/rules/enums";

export type WaveDraft = {
  /** React key only. */
  key: number;
  name: string;
  kinds: EnvironmentKind[];
  modes: DeploymentMode[];
  /** Tenant slugs, separated by commas, spaces or new lines. */
  tenants: string;
  concurrencyKind: "count" | "percent";
  concurrency: string;
  soakMinutes: string;
  failureThreshold: string;
  requiresApproval: boolean;
  healthGate: boolean;
  rollbackOnBreach: boolean;
};

export type WaveSpec = {
  name: string;
  kinds?: EnvironmentKind[];
  modes?: DeploymentMode[];
  tenants?: string[];
  maxConcurrency: { count: number } | { percent: number };
  soakMinutes: number;
  failureThreshold: number;
  requiresApproval: boolean;
  healthGate: boolean;
  rollbackOnBreach: boolean;
};

export type WaveField = "name" | "concurrency" | "soakMinutes" | "failureThreshold";
export type WaveError = { wave: number; field: WaveField; problem: "required" | "wholeNumber" };

let nextKey = 0;

export function newWave(overrides: Partial<WaveDraft> = {}): WaveDraft {
  return {
    key: ++nextKey,
    name: "",
    kinds: [],
    modes: [],
    tenants: "",
    concurrencyKind: "count",
    concurrency: "1",
    soakMinutes: "0",
    failureThreshold: "1",
    requiresApproval: false,
    healthGate: false,
    rollbackOnBreach: false,
    ...overrides,
  };
}

/** The usual rings: development and homologation first, then production with the health gate. */
export function defaultWaves(names: { lower: string; production: string }): WaveDraft[] {
  return [
    newWave({
      name: names.lower,
      kinds: ["DEVELOPMENT", "HOMOLOGATION"],
      concurrencyKind: "percent",
      concurrency: "25",
      soakMinutes: "60",
      failureThreshold: "2",
    }),
    newWave({ name: names.production, kinds: ["PRODUCTION"], concurrency: "5", healthGate: true }),
  ];
}

export function parseTenants(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).filter((s) => s.length > 0))];
}

const wholeNumber = (text: string): number | null => (/^\s*\d+\s*$/.test(text) ? Number(text) : null);

export function waveSpecsOf(drafts: WaveDraft[]): { specs: WaveSpec[] } | { errors: WaveError[] } {
  const errors: WaveError[] = [];
  const specs = drafts.map((d, wave): WaveSpec => {
    if (d.name.trim() === "") errors.push({ wave, field: "name", problem: "required" });
    const number = (field: Exclude<WaveField, "name">) => {
      const value = wholeNumber(d[field]);
      if (value === null) errors.push({ wave, field, problem: "wholeNumber" });
      return value ?? 0;
    };
    const concurrency = number("concurrency");
    const tenants = parseTenants(d.tenants);
    return {
      name: d.name.trim(),
      ...(d.kinds.length ? { kinds: d.kinds } : {}),
      ...(d.modes.length ? { modes: d.modes } : {}),
      ...(tenants.length ? { tenants } : {}),
      maxConcurrency: d.concurrencyKind === "count" ? { count: concurrency } : { percent: concurrency },
      soakMinutes: number("soakMinutes"),
      failureThreshold: number("failureThreshold"),
      requiresApproval: d.requiresApproval,
      healthGate: d.healthGate,
      // Rolling back on a breach is part of the health gate; without the gate it means nothing.
      rollbackOnBreach: d.healthGate && d.rollbackOnBreach,
    };
  });
  return errors.length ? { errors } : { specs };
}

/** Moves the wave at `index` by `by` places (the order is the order waves run in). */
export function moveWave(drafts: WaveDraft[], index: number, by: -1 | 1): WaveDraft[] {
  const to = index + by;
  if (to < 0 || to >= drafts.length) return drafts;
  const next = [...drafts];
  const [moved] = next.splice(index, 1) as [WaveDraft];
  next.splice(to, 0, moved);
  return next;
}
