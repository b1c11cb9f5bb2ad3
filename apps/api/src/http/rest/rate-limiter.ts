// Per-key token bucket, in this process's memory: a runaway reporter gets 429s with Retry-After
// instead of starving the others. Each API process limits on its own (N processes allow N × the rate).
export type RateLimit = { perSecond: number; burst: number };

export const DEFAULT_REST_RATE_LIMIT: RateLimit = { perSecond: 100, burst: 200 };

export function createRateLimiter(limit: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    /** null when allowed; otherwise the seconds to wait. */
    take(key: string): number | null {
      const t = now();
      const bucket = buckets.get(key) ?? { tokens: limit.burst, at: t };
      bucket.tokens = Math.min(limit.burst, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond);
      bucket.at = t;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return null;
      }
      return Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
    },
  };
}
