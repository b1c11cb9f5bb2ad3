// Fires many calls at once and sorts what came back, for tests that count effects under concurrency.
import { expect } from "vitest";

export type Outcomes<T> = { ok: T[]; errors: { code: string; message: string }[] };

/** Starts `n` calls together (call i gets index i) and waits for all of them. */
export async function concurrently<T>(n: number, call: (i: number) => Promise<T>): Promise<Outcomes<T>> {
  const settled = await Promise.allSettled(Array.from({ length: n }, (_, i) => call(i)));
  const outcomes: Outcomes<T> = { ok: [], errors: [] };
  for (const result of settled) {
    if (result.status === "fulfilled") outcomes.ok.push(result.value);
    else {
      const reason = result.reason as { code?: unknown; message?: unknown };
      outcomes.errors.push({ code: String(reason.code), message: String(reason.message) });
    }
  }
  return outcomes;
}

/** Exactly one call won and every other one was refused as a CONFLICT with a readable message. */
export function expectOneWinner<T>(outcomes: Outcomes<T>, n: number): T {
  expect(outcomes.ok, JSON.stringify(outcomes.errors.slice(0, 3))).toHaveLength(1);
  expect(outcomes.errors).toHaveLength(n - 1);
  for (const error of outcomes.errors) {
    expect(error.code).toBe("CONFLICT");
    expect(error.message).not.toMatch(/something went wrong/i);
    expect(error.message.length).toBeGreaterThan(20);
  }
  return outcomes.ok[0] as T;
}
