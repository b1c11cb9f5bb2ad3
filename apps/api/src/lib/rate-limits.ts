// Rate limits shared by every API replica: rate-limiter-flexible counting in PostgreSQL (the
// `rate_limit` table), so N replicas allow the rate once, not N times. One rule per thing limited;
// a refusal says how many seconds to wait (the 429's Retry-After).
import type { SqlPool } from "@opus/db/sql-pool";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

export type RateRule = {
  /** Requests allowed per window. */
  points: number;
  /** Window length in seconds; `fixedMinute` windows are calendar minutes instead. */
  seconds: number;
  /**
   * Count per calendar minute (hh:mm:00–hh:mm:59), as Open Finance's traffic limits do: the key
   * carries the minute, so every replica agrees on when a window starts.
   */
  fixedMinute?: boolean;
};

export const RATE_RULES = {
  /** Password attempts from one address. */
  signInPerIp: { points: 30, seconds: 60 },
  /** Password attempts at one account (whoever makes them). */
  signInPerAccount: { points: 10, seconds: 300 },
  /** TOTP or backup-code attempts from one address, and at one pending sign-in. */
  twoFactorPerIp: { points: 30, seconds: 60 },
  twoFactorPerChallenge: { points: 10, seconds: 300 },
  /** Self sign-up requests from one address. */
  signupPerIp: { points: 5, seconds: 600 },
  /** Invitation acceptances (and token guesses) from one address. */
  invitationPerIp: { points: 20, seconds: 600 },
  /** The machine API: per API key and per address (unauthenticated attempts included). */
  machinePerKey: { points: 6000, seconds: 60, fixedMinute: true },
  machinePerIp: { points: 12000, seconds: 60, fixedMinute: true },
} as const satisfies Record<string, RateRule>;

export type RateRuleName = keyof typeof RATE_RULES;
export type RateRules = Record<RateRuleName, RateRule>;

export type RateLimits = {
  /** Counts one request for `key`; null when allowed, else the seconds to wait. */
  take(rule: RateRuleName, key: string): Promise<number | null>;
  rules: RateRules;
};

export function createRateLimits(pool: SqlPool, overrides: Partial<RateRules> = {}, now: () => Date = () => new Date()): RateLimits {
  const rules: RateRules = { ...RATE_RULES, ...overrides };
  const limiters = new Map<RateRuleName, RateLimiterPostgres>();
  const limiterOf = (name: RateRuleName) => {
    let limiter = limiters.get(name);
    if (!limiter) {
      const rule = rules[name];
      limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "rate_limit",
        tableCreated: true,
        // The rule's size is in the prefix: changing a limit starts fresh counters.
        keyPrefix: `${name}:${rule.points}/${rule.seconds}`,
        points: rule.points,
        duration: rule.seconds,
      });
      limiters.set(name, limiter);
    }
    return limiter;
  };
  return {
    rules,
    async take(name, key) {
      const rule = rules[name];
      const at = now().getTime();
      const minute = Math.floor(at / 60_000);
      try {
        await limiterOf(name).consume(rule.fixedMinute ? `${key}@${minute}` : key);
        return null;
      } catch (refusal) {
        if (!(refusal instanceof RateLimiterRes)) throw refusal; // the store failed: not a refusal
        const wait = rule.fixedMinute ? (minute + 1) * 60_000 - at : refusal.msBeforeNext;
        return Math.max(1, Math.ceil(wait / 1000));
      }
    },
  };
}

/** The sentence every 429 carries. */
export function tooManyMessage(what: string, seconds: number): string {
  return `Too many ${what}; try again in ${seconds} s.`;
}
