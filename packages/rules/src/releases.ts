// Releases and rollouts: value lists (equal to the Prisma enums, checked by the API's
// rules-enums test) and the moves a release's status may make. Shared by the API, which writes the
// moves as compare-and-set, and the console, which offers only the buttons these allow.

export const RELEASE_STATUSES = ["DRAFT", "AVAILABLE", "DEPRECATED", "WITHDRAWN"] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

export const RELEASE_CHANNELS = ["FAST", "REGULAR", "SLOW"] as const;
export type ReleaseChannel = (typeof RELEASE_CHANNELS)[number];

export const ROLLOUT_STATUSES = ["PLANNED", "RUNNING", "PAUSED", "HALTED", "SUCCEEDED", "ABORTED"] as const;
export type RolloutStatus = (typeof ROLLOUT_STATUSES)[number];

export const ROLLOUT_WAVE_STATUSES = ["PENDING", "AWAITING_APPROVAL", "RUNNING", "SOAKING", "SUCCEEDED", "HALTED"] as const;
export type RolloutWaveStatus = (typeof ROLLOUT_WAVE_STATUSES)[number];

export const ROLLOUT_TARGET_STATUSES = [
  "WAITING",
  "UPGRADING",
  "UPGRADED",
  "FAILED",
  "SKIPPED",
  "NOTIFIED",
  "ROLLING_BACK",
  "ROLLED_BACK",
] as const;
export type RolloutTargetStatus = (typeof ROLLOUT_TARGET_STATUSES)[number];

/** What a person does to a release; each is one move from the statuses listed. */
export const RELEASE_MOVES = {
  publish: { from: ["DRAFT"], to: "AVAILABLE" },
  deprecate: { from: ["AVAILABLE"], to: "DEPRECATED" },
  withdraw: { from: ["AVAILABLE", "DEPRECATED"], to: "WITHDRAWN" },
} as const satisfies Record<string, { from: readonly ReleaseStatus[]; to: ReleaseStatus }>;
export type ReleaseMove = keyof typeof RELEASE_MOVES;

export function canMoveRelease(move: ReleaseMove, status: ReleaseStatus): boolean {
  return (RELEASE_MOVES[move].from as readonly ReleaseStatus[]).includes(status);
}

/** Rollouts still moving (or able to move again): their environments are not offered to another one. */
export const ACTIVE_ROLLOUT_STATUSES = ["PLANNED", "RUNNING", "PAUSED", "HALTED"] as const satisfies readonly RolloutStatus[];

/** Which rollout moves a person may make from which status. */
export const ROLLOUT_MOVES = {
  start: { from: ["PLANNED"], to: "RUNNING" },
  pause: { from: ["RUNNING"], to: "PAUSED" },
  resume: { from: ["PAUSED", "HALTED"], to: "RUNNING" },
  abort: { from: ["PLANNED", "RUNNING", "PAUSED", "HALTED"], to: "ABORTED" },
} as const satisfies Record<string, { from: readonly RolloutStatus[]; to: RolloutStatus }>;
export type RolloutMove = keyof typeof ROLLOUT_MOVES;

export function canMoveRollout(move: RolloutMove, status: RolloutStatus): boolean {
  return (ROLLOUT_MOVES[move].from as readonly RolloutStatus[]).includes(status);
}
