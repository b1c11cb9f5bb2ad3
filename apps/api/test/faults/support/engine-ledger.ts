// What the engine double's events say about a fault run: each invocation as an interval (a killed
// process's open invocation ends at its kill), whether two invocations of one stack ever overlapped,
// which runs a kill interrupted, and how long each took to be picked up again.
import type { EngineEvent } from "./timed-engine.ts";

export type Kill = { pid: number; at: number };

type Invocation = {
  call: EngineEvent["call"];
  op: string;
  attempt: number;
  stack: string;
  pid: number;
  start: number;
  end: number;
  ended: boolean;
};

export type Ledger = {
  invocations: Invocation[];
  /** Engine runs that reached their end, per operation. */
  completedRuns: Map<string, number>;
  /** Pairs of invocations of one stack that ran at the same time. */
  overlaps: [Invocation, Invocation][];
  /** Runs cut off by a kill, and how long until the next invocation of the same operation began (ms). */
  interrupted: { op: string; reclaimMs: number | null }[];
};

export function engineLedger(events: EngineEvent[], kills: Kill[]): Ledger {
  const killedAt = new Map(kills.map((k) => [k.pid, k.at]));
  const key = (e: Pick<EngineEvent, "call" | "op" | "attempt" | "pid">) => `${e.call}|${e.op}|${e.attempt}|${e.pid}`;
  const open = new Map<string, Invocation>();
  const invocations: Invocation[] = [];
  for (const event of [...events].sort((a, b) => a.at - b.at)) {
    if (event.phase === "start") {
      const invocation = { ...event, start: event.at, end: Number.POSITIVE_INFINITY, ended: false };
      open.set(key(event), invocation);
      invocations.push(invocation);
    } else {
      const invocation = open.get(key(event));
      if (!invocation) continue;
      open.delete(key(event));
      invocation.end = event.at;
      invocation.ended = event.phase === "end";
    }
  }
  for (const invocation of open.values()) invocation.end = killedAt.get(invocation.pid) ?? Number.POSITIVE_INFINITY;

  const completedRuns = new Map<string, number>();
  for (const i of invocations) if (i.call === "run" && i.ended) completedRuns.set(i.op, (completedRuns.get(i.op) ?? 0) + 1);

  const overlaps: [Invocation, Invocation][] = [];
  const byStack = new Map<string, Invocation[]>();
  for (const i of invocations) byStack.set(i.stack, [...(byStack.get(i.stack) ?? []), i]);
  for (const list of byStack.values()) {
    const sorted = list.sort((a, b) => a.start - b.start);
    sorted.slice(1).forEach((current, index) => {
      const before = sorted[index];
      if (before && current.start < before.end) overlaps.push([before, current]);
    });
  }

  const interrupted = [...open.values()]
    .filter((i) => i.call === "run" && killedAt.has(i.pid))
    .map((i) => {
      const next = invocations.filter((n) => n.op === i.op && n.start >= i.end).sort((a, b) => a.start - b.start)[0];
      return { op: i.op, reclaimMs: next ? next.start - i.end : null };
    });
  return { invocations, completedRuns, overlaps, interrupted };
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
