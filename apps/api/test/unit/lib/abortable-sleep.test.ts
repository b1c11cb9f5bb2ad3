import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { abortableSleep } from "../../../src/lib/abortable-sleep.ts";

describe("abortableSleep", () => {
  it("leaves no abort listener behind, however many passes sleep on one signal", async () => {
    const signal = new AbortController().signal;
    for (let i = 0; i < 25; i++) await abortableSleep(1, signal);
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("wakes at once when the signal aborts, and returns at once on an aborted signal", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = abortableSleep(60_000, controller.signal);
    controller.abort();
    await sleeping;
    await abortableSleep(60_000, controller.signal);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});
