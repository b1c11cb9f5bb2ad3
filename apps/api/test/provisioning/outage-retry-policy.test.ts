// A run cut short because the database went away is tried again soon without spending an attempt:
// nothing about the operation is wrong. An engine error that merely mentions a refused connection
// (a tenant's database, say) is the engine's failure and spends one as usual.
import { EngineError } from "@opus/provisioner/engine";
import { describe, expect, it } from "vitest";
import { outcomeOfError } from "../../src/provisioning/failure-policy.ts";
import { testWorkerOptions } from "./support/fixtures.ts";

const now = new Date("2026-12-03T12:00:00Z");
const op = { attempt: 1, maxAttempts: 5, startedAt: now } as Parameters<typeof outcomeOfError>[2];
const options = testWorkerOptions({ retry: { baseMs: 1_000, capMs: 60_000 }, random: () => 1 });
const same = (text: string) => text;

describe("outcomeOfError while the database is away", () => {
  it("retries a database connection failure without counting the attempt", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const outcome = outcomeOfError(refused, null, op, now, options, same);
    expect(outcome).toMatchObject({ type: "retry", countsAsAttempt: false });
    expect(outcome.type === "retry" && outcome.runAfter.getTime() - now.getTime()).toBe(1_000);
  });

  it("counts an engine failure that only mentions a refused connection", () => {
    const engine = new EngineError("failed", "error: dial tcp 10.0.4.12:5432: ECONNREFUSED");
    expect(outcomeOfError(engine, null, op, now, options, same)).toMatchObject({ type: "retry", countsAsAttempt: true });
  });
});
