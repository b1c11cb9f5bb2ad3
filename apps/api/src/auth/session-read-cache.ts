// A short-lived, per-process memory of who a session token belongs to, for reads only.
// Without it every signed-in query waits for the session statement before its own statement can
// start: two database round trips one after the other, where the same page without identity needs
// one (docs/benchmarks.md, issue 8). With it a warm session costs no identity statement at all.
//
// What it trades, and the bounds:
// - Only queries (GET) read it; every mutation loads the session afresh, so a change of rights is
//   never acted on from memory.
// - Any write request this process serves (sign-out, a membership change, a role change…) empties it,
//   so on this replica revocation is immediate. On another replica a revoked session or a removed
//   membership can still be read from memory for at most `ttlMs` (SESSION_READ_CACHE_MS, default 2 s,
//   at most 5 s; 0 turns the cache off). That is the stated revocation delay for reads.
// - An entry never outlives the session's own expiry, and the cache holds at most `maxEntries`
//   tokens (the oldest are dropped first), so memory is bounded whatever the traffic.
// - A read that started before a write finished never stores what it read (the generation check):
//   it could have seen the state before the write.
import type { Actor } from "../authz/actor.ts";

/** SESSION_READ_CACHE_MS's default and its bound (env/api-env.ts). */
export const SESSION_READ_CACHE_DEFAULT_MS = 2000;
export const SESSION_READ_CACHE_MAX_MS = 5000;

export type CachedSession = { actor: Actor; expiresAt: Date };
type Entry = CachedSession & { storedAt: number };

export class SessionReadCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** The session behind a token, if read within the last ttlMs and not expired by `wallNow`. */
  get(token: string, wallNow: number): CachedSession | null {
    const entry = this.entries.get(token);
    if (!entry) return null;
    if (this.now() - entry.storedAt >= this.ttlMs || entry.expiresAt.getTime() <= wallNow) {
      this.entries.delete(token);
      return null;
    }
    return entry;
  }

  /** Call before reading the session from the database; pass the result to `set`. */
  begin(): number {
    return this.generation;
  }

  /** Remembers what a read found, unless a write finished since that read began. */
  set(token: string, session: CachedSession, begun: number): void {
    if (!this.enabled || begun !== this.generation) return;
    this.entries.delete(token);
    this.entries.set(token, { ...session, storedAt: this.now() });
    // Map keeps insertion order: the first key is the oldest entry.
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  delete(token: string): void {
    this.entries.delete(token);
  }

  /** A write was served: forget everything, and refuse what reads in flight would store. */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
