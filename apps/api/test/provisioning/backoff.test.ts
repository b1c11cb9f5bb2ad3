import { describe, expect, it } from "vitest";
import { backoffCeilingMs, fullJitterDelayMs } from "../../src/provisioning/backoff.ts";

describe("full-jitter backoff", () => {
  const policy = { baseMs: 1_000, capMs: 30_000 };

  it("has a ceiling that doubles per attempt up to the cap", () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffCeilingMs(policy, a))).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
  });

  it("draws delays spread over [0, ceiling]", () => {
    for (const attempt of [1, 3, 6]) {
      const delays = Array.from({ length: 300 }, () => fullJitterDelayMs(policy, attempt));
      const ceiling = backoffCeilingMs(policy, attempt);
      expect(Math.min(...delays)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...delays)).toBeLessThanOrEqual(ceiling);
      // Jittered: not one value, and covering both halves of the range.
      expect(new Set(delays).size).toBeGreaterThan(100);
      expect(delays.some((d) => d < ceiling / 2) && delays.some((d) => d > ceiling / 2)).toBe(true);
    }
  });
});
