// When an environment may change: inside one of its maintenance windows (RFC 5545 recurrence rules
// with a duration, in the environment's time zone), outside its freezes and the fleet's freezes.
// Pure: the orchestrator asks "may it change now, else why not and until when", the planner asks
// "from this instant, when is the first moment it may". No window at all means any time.
//
// rrule computes on wall-clock time written as UTC ("floating" dates, as its documentation asks
// when no TZID library is configured), so instants are turned into the zone's wall time and back
// with the platform's Intl time-zone database; this keeps DST changes in São Paulo (none since
// 2019) or elsewhere correct.
import rrule from "rrule";

const { RRule } = rrule;

export type MaintenanceWindow = { rrule: string; durationMinutes: number };
export type Freeze = { from: string; until: string; reason: string };
export type Schedule = { windows: readonly MaintenanceWindow[]; timeZone: string; freezes: readonly Freeze[] };

export type Eligibility = { eligible: true } | { eligible: false; reason: string; until: Date | null };

/** Recurrences start here (wall time): rules are anchored, so an INTERVAL=2 week stays the same weeks. */
const ANCHOR = new Date(Date.UTC(2025, 0, 1));
const MINUTE = 60_000;
/** How far ahead the planner looks for a window before saying there is none. */
const HORIZON_MS = 400 * 24 * 60 * MINUTE;

const rules = new Map<string, InstanceType<typeof RRule>>();

/** Null when the rule is usable, else why not (for the settings' validation). */
export function ruleProblem(text: string): string | null {
  try {
    const options = RRule.parseString(text);
    if (options.freq === undefined || options.freq === null) return "needs FREQ (e.g. FREQ=WEEKLY;BYDAY=SU;BYHOUR=2)";
    if (options.dtstart || options.until || options.count) return "DTSTART, UNTIL and COUNT are not supported: windows repeat for good";
    if (options.freq > RRule.DAILY && options.byhour === undefined) return "an hourly or finer rule is not a maintenance window";
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : "is not a recurrence rule";
  }
}

function rule(text: string) {
  let parsed = rules.get(text);
  if (!parsed) {
    const options = RRule.parseString(text);
    parsed = new RRule({ ...options, byminute: options.byminute ?? 0, bysecond: 0, dtstart: ANCHOR });
    rules.set(text, parsed);
  }
  return parsed;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's wall time at `instant`, written as a UTC date. */
function toWall(instant: Date, timeZone: string): Date {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return new Date(
    Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
      Number(parts.second),
    ),
  );
}

/** The instant whose wall time in the zone is `wall` (the earlier one in a repeated hour). */
function fromWall(wall: Date, timeZone: string): Date {
  let guess = new Date(wall.getTime());
  for (let i = 0; i < 3; i++) guess = new Date(guess.getTime() + (wall.getTime() - toWall(guess, timeZone).getTime()));
  return guess;
}

/** The window occurrence containing `at`, as [start, end) instants, or null. */
function openWindow(schedule: Schedule, at: Date): { start: Date; end: Date } | null {
  const wall = toWall(at, schedule.timeZone);
  for (const window of schedule.windows) {
    const start = rule(window.rrule).before(wall, true);
    if (start && wall.getTime() < start.getTime() + window.durationMinutes * MINUTE) {
      const begins = fromWall(start, schedule.timeZone);
      return { start: begins, end: new Date(begins.getTime() + window.durationMinutes * MINUTE) };
    }
  }
  return null;
}

/** The first window that opens after `at`, or null when none does. */
function nextWindowStart(schedule: Schedule, at: Date): Date | null {
  const wall = toWall(at, schedule.timeZone);
  let best: Date | null = null;
  for (const window of schedule.windows) {
    const next = rule(window.rrule).after(wall, false);
    if (next && (!best || next < best)) best = next;
  }
  return best ? fromWall(best, schedule.timeZone) : null;
}

function activeFreeze(freezes: readonly Freeze[], at: Date): Freeze | null {
  return freezes.find((f) => new Date(f.from) <= at && at < new Date(f.until)) ?? null;
}

/** May the environment change at `at`? Fleet freezes first (they name the fleet), then its own, then its windows. */
export function eligibility(schedule: Schedule, fleetFreezes: readonly Freeze[], at: Date): Eligibility {
  const fleet = activeFreeze(fleetFreezes, at);
  if (fleet) return { eligible: false, reason: `the fleet is frozen until ${fleet.until} (${fleet.reason})`, until: new Date(fleet.until) };
  const own = activeFreeze(schedule.freezes, at);
  if (own) return { eligible: false, reason: `frozen until ${own.until} (${own.reason})`, until: new Date(own.until) };
  if (schedule.windows.length === 0 || openWindow(schedule, at)) return { eligible: true };
  const next = nextWindowStart(schedule, at);
  return next
    ? { eligible: false, reason: `next maintenance window opens at ${next.toISOString()}`, until: next }
    : { eligible: false, reason: "none of its maintenance windows opens again", until: null };
}

/** The first instant ≥ `from` at which it may change, with the reasons it waited; null if never (within a year). */
export function firstEligible(schedule: Schedule, fleetFreezes: readonly Freeze[], from: Date): { at: Date; waited: string[] } | null {
  const waited: string[] = [];
  let at = from;
  for (let step = 0; step < 200 && at.getTime() - from.getTime() < HORIZON_MS; step++) {
    const state = eligibility(schedule, fleetFreezes, at);
    if (state.eligible) return { at, waited };
    if (!state.until) return null;
    waited.push(state.reason);
    at = state.until;
  }
  return null;
}

/** When the window open at `at` closes (null: no windows, so nothing closes). */
export function windowCloses(schedule: Schedule, at: Date): Date | null {
  if (schedule.windows.length === 0) return null;
  return openWindow(schedule, at)?.end ?? null;
}
