import { getEventListeners } from "node:events";
import { mkdtempSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createControlPlaneClient } from "../../../src/agent/control-plane-client.ts";
import { openReportOutbox } from "../../../src/agent/report-outbox.ts";
import { createLogger } from "../../../src/logger.ts";

// A control plane that answers every report 200 and counts them.
let received = 0;
const server = http.createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    received++;
    res.writeHead(200, { "content-type": "application/json" });
    res.end("{}");
  });
});
let baseUrl = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the report outbox waiting for work", () => {
  it("keeps at most one abort listener on its signal, however many times it waits", async () => {
    const log = createLogger("silent", "test");
    const client = createControlPlaneClient({ baseUrl, key: "k", version: "test", log });
    const outbox = openReportOutbox(mkdtempSync(path.join(tmpdir(), "outbox-")), client, log);
    const stop = new AbortController();
    const running = outbox.run(stop.signal);
    for (let i = 1; i <= 20; i++) {
      outbox.add("/api/v1/heartbeat", { n: i });
      while (received < i || outbox.pending() > 0) await new Promise((r) => setTimeout(r, 5));
    }
    expect(received).toBe(20);
    expect(getEventListeners(stop.signal, "abort").length).toBeLessThanOrEqual(1);
    stop.abort();
    await running;
  });
});
