// Retry delays: exponential backoff with "full jitter" (a uniformly random delay between zero and
// the exponential ceiling). Jitter spreads a fleet's retries after a shared outage instead of
// sending every tenant back at the same instant; the cap keeps a tenant from waiting for hours.
export type BackoffPolicy = { baseMs: number; capMs: number };

/** The ceiling for the retry after `attempt` failed attempts (attempt ≥ 1): base·2^(attempt-1), capped. */
export function backoffCeilingMs(policy: BackoffPolicy, attempt: number): number {
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
}

/** A delay in [0, ceiling]; `random` returns [0, 1) like Math.random (injectable for tests). */
export function fullJitterDelayMs(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  return Math.floor(random() * backoffCeilingMs(policy, attempt));
}
