// The session read cache's own bounds: time to live, the session's expiry, the entry limit, and a
// read that began before a write never storing what it saw.
import { describe, expect, it } from "vitest";
import { SessionReadCache } from "../../../src/auth/session-read-cache.ts";
import type { Actor } from "../../../src/authz/actor.ts";

const actor = (userId: string): Actor => ({
  userId,
  email: `${userId}@example.com`,
  name: userId,
  staffRole: null,
  twoFactorEnabled: false,
  locale: null,
  memberships: new Map(),
});
const WALL = Date.parse("2026-12-04T12:00:00Z");
const later = new Date(WALL + 60_000);

function cacheAt(ttlMs: number, maxEntries = 10) {
  const clock = { now: 0 };
  return { cache: new SessionReadCache(ttlMs, maxEntries, () => clock.now), clock };
}

describe("SessionReadCache", () => {
  it("answers within the TTL and forgets at it", () => {
    const { cache, clock } = cacheAt(2000);
    cache.set("t", { actor: actor("a"), expiresAt: later }, cache.begin());
    clock.now = 1999;
    expect(cache.get("t", WALL)?.actor.userId).toBe("a");
    clock.now = 2000;
    expect(cache.get("t", WALL)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it("never answers for a session past its expiry", () => {
    const { cache } = cacheAt(2000);
    cache.set("t", { actor: actor("a"), expiresAt: new Date(WALL + 10) }, cache.begin());
    expect(cache.get("t", WALL + 9)).not.toBeNull();
    expect(cache.get("t", WALL + 10)).toBeNull();
  });

  it("does not store a read that began before a write finished", () => {
    const { cache } = cacheAt(2000);
    const begun = cache.begin();
    cache.clear(); // a sign-out answered while the read was in flight
    cache.set("t", { actor: actor("a"), expiresAt: later }, begun);
    expect(cache.get("t", WALL)).toBeNull();
    cache.set("t", { actor: actor("a"), expiresAt: later }, cache.begin());
    expect(cache.get("t", WALL)).not.toBeNull();
  });

  it("holds at most maxEntries tokens, dropping the oldest first", () => {
    const { cache } = cacheAt(2000, 3);
    for (const t of ["a", "b", "c", "d"]) cache.set(t, { actor: actor(t), expiresAt: later }, cache.begin());
    expect(cache.size).toBe(3);
    expect(cache.get("a", WALL)).toBeNull();
    expect(cache.get("d", WALL)?.actor.userId).toBe("d");
  });

  it("stores nothing with a TTL of 0", () => {
    const { cache } = cacheAt(0);
    expect(cache.enabled).toBe(false);
    cache.set("t", { actor: actor("a"), expiresAt: later }, cache.begin());
    expect(cache.size).toBe(0);
  });
});
