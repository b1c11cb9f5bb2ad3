// Opus' implementation roadmap per customer (../shared/DOMAIN.md: led by a Delivery Manager), and
// what each gate needs. Shared by the API (which refuses) and the console (which lists what is
// missing). Stages whose state the control plane can see are derived, never typed in.

export const GO_LIVE_STAGES = [
  "ENVIRONMENTS",
  "OPENID_CERTIFICATION",
  "CONSENT_SCREENS",
  "INTEGRATION_LAYER",
  "MIGRATION",
  "FINAL_TESTS_DIRECTORY",
  "DIRECTORY_CERTIFICATES",
  "GO_LIVE",
] as const;
export type GoLiveStage = (typeof GO_LIVE_STAGES)[number];

export const GO_LIVE_STAGE_STATES = ["NOT_STARTED", "IN_PROGRESS", "DONE"] as const;
export type GoLiveStageState = (typeof GO_LIVE_STAGE_STATES)[number];

export type GoLiveGate = "PRODUCTION_DEPLOY" | "GO_LIVE";

/**
 * Which gates each stage holds. Production is deployed for the final tests, so its deploy waits for
 * the homologation work (certification, screens, integration, migration); go-live waits for all.
 * ENVIRONMENTS and DIRECTORY_CERTIFICATES are derived from the environments and certificates.
 */
const STAGE_GATES: Record<GoLiveStage, { gates: readonly GoLiveGate[]; derived: boolean }> = {
  ENVIRONMENTS: { gates: ["GO_LIVE"], derived: true },
  OPENID_CERTIFICATION: { gates: ["PRODUCTION_DEPLOY", "GO_LIVE"], derived: false },
  CONSENT_SCREENS: { gates: ["PRODUCTION_DEPLOY", "GO_LIVE"], derived: false },
  INTEGRATION_LAYER: { gates: ["PRODUCTION_DEPLOY", "GO_LIVE"], derived: false },
  MIGRATION: { gates: ["PRODUCTION_DEPLOY", "GO_LIVE"], derived: false },
  FINAL_TESTS_DIRECTORY: { gates: ["GO_LIVE"], derived: false },
  DIRECTORY_CERTIFICATES: { gates: ["GO_LIVE"], derived: true },
  GO_LIVE: { gates: [], derived: false },
};

export function isDerivedStage(stage: GoLiveStage): boolean {
  return STAGE_GATES[stage].derived;
}

/** Migration applies only to participants moving from another solution. */
export function stageApplies(stage: GoLiveStage, plan: { migrationRequired: boolean }): boolean {
  return stage !== "MIGRATION" || plan.migrationRequired;
}

export type ReadinessFacts = {
  /** Kinds and statuses of the institution's environments. */
  environments: { kind: string; status: string }[];
  /** Certificates on file, with their kind and expiry. */
  certificates: { kind: string; notAfter: Date }[];
  now: Date;
};

/** The state of a derived stage from what the control plane sees. */
export function derivedStageState(stage: GoLiveStage, facts: ReadinessFacts): GoLiveStageState {
  if (stage === "ENVIRONMENTS") {
    const live = facts.environments.filter((e) => e.status !== "DESTROYED");
    const needed = ["HOMOLOGATION", "PRODUCTION"];
    if (needed.every((k) => live.some((e) => e.kind === k && e.status === "ACTIVE"))) return "DONE";
    return live.length > 0 ? "IN_PROGRESS" : "NOT_STARTED";
  }
  if (stage === "DIRECTORY_CERTIFICATES") {
    const valid = (kind: string) => facts.certificates.some((c) => c.kind === kind && c.notAfter > facts.now);
    if (valid("BRCAC") && valid("BRSEAL")) return "DONE";
    return facts.certificates.length > 0 ? "IN_PROGRESS" : "NOT_STARTED";
  }
  throw new Error(`${stage} is not derived`);
}

/** The stages still open that hold `gate`, in roadmap order. */
export function openStagesFor(
  gate: GoLiveGate,
  states: Record<GoLiveStage, GoLiveStageState>,
  plan: { migrationRequired: boolean },
): GoLiveStage[] {
  return GO_LIVE_STAGES.filter((s) => STAGE_GATES[s].gates.includes(gate) && stageApplies(s, plan) && states[s] !== "DONE");
}
