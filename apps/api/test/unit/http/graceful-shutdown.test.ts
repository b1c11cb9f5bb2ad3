// Shutdown under load: every request the server accepted is answered before close() resolves,
// kept-alive sockets are closed once idle, and nothing new is accepted.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { drainOnClose } from "../../../src/http/graceful-shutdown.ts";

async function slowServer(delayMs: number) {
  let started = 0;
  const server = http.createServer((_req, res) => {
    started++;
    setTimeout(() => res.end("done"), delayMs);
  });
  const drainer = drainOnClose(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { server, drainer, url, started: () => started };
}

function get(url: string, agent: http.Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (res) => {
        let body = "";
        res.on("data", (d) => (body += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      })
      .on("error", reject);
  });
}

describe("drainOnClose", () => {
  it("answers every request in flight, then resolves; new connections are refused", async () => {
    const { drainer, url, started } = await slowServer(300);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 20 });
    const inFlight = Array.from({ length: 20 }, () => get(url, agent));
    while (started() < 20) await new Promise((r) => setTimeout(r, 10));
    expect(drainer.inFlight).toBe(20);

    const t0 = Date.now();
    const drained = await drainer.close(5_000);
    expect(drained).toBe(true);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(200); // it waited for them
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(drainer.inFlight).toBe(0);
    await expect(get(url, new http.Agent())).rejects.toThrow(/ECONNREFUSED/);
    agent.destroy();
  });

  it("closes a kept-alive socket after its last answer instead of waiting for its idle timeout", async () => {
    const { server, drainer, url, started } = await slowServer(200);
    server.keepAliveTimeout = 60_000;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    await get(url, agent); // the socket stays open, kept alive
    const last = get(url, agent);
    while (started() < 2) await new Promise((r) => setTimeout(r, 10));
    const t0 = Date.now();
    expect(await drainer.close(3_000)).toBe(true);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect((await last).status).toBe(200);
    agent.destroy();
  });

  it("gives up after the grace period and reports it", async () => {
    const { drainer, url, started } = await slowServer(10_000);
    const request = get(url, new http.Agent()).catch((error: Error) => error);
    while (started() < 1) await new Promise((r) => setTimeout(r, 10));
    expect(await drainer.close(100)).toBe(false);
    expect(await request).toBeInstanceOf(Error);
  });
});
