// Where a month's report stands: open while the São Paulo month runs, in its grace period for a few
// days after (late events still count), then due for finalization by the scheduled job.
import { monthBounds } from "../usage/sao-paulo-time.ts";

export const DEFAULT_GRACE_DAYS = 3;

export type DraftPhase = "OPEN" | "GRACE" | "DUE";

export function graceEndsAt(month: string, graceDays: number): Date {
  return new Date(monthBounds(month).end.getTime() + graceDays * 86_400_000);
}

export function draftPhase(month: string, now: Date, graceDays: number): DraftPhase {
  if (now < monthBounds(month).end) return "OPEN";
  return now < graceEndsAt(month, graceDays) ? "GRACE" : "DUE";
}
