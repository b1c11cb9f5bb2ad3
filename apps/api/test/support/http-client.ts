// A tiny cookie-keeping client for talking to the real HTTP server in tests.
import type { AddressInfo } from "node:net";
import superjson from "superjson";
import { createApiServer } from "../../src/http/create-server.ts";
import type { Services } from "../../src/services.ts";

export async function startTestServer(services: Services, options: Parameters<typeof createApiServer>[1] = {}) {
  const server = createApiServer(services, options);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export class HttpSession {
  private cookies = new Map<string, string>();
  constructor(
    private readonly base: string,
    private readonly origin: string,
  ) {}

  /** The cookies this session holds, as a Cookie header (to present the same session elsewhere). */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async request(path: string, init: RequestInit = {}) {
    const headers = new Headers(init.headers);
    headers.set("origin", this.origin);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(this.base + path, { ...init, headers, redirect: "manual" });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair?.indexOf("=") ?? -1;
      if (pair && eq > 0) this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return res;
  }

  postJson(path: string, body: unknown) {
    return this.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  }

  async query(path: string, input?: unknown) {
    const qs = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
    const res = await this.request(`/api/trpc/${path}${qs}`);
    return {
      status: res.status,
      body: (await res.json()) as {
        result?: { data: { json: unknown } };
        error?: { json: { message: string; data: { appCode: string; fields?: Record<string, string>; reason?: { code: string } } } };
      },
    };
  }

  async mutate(path: string, input: unknown) {
    const res = await this.postJson(`/api/trpc/${path}`, superjson.serialize(input));
    return {
      status: res.status,
      body: (await res.json()) as {
        result?: { data: { json: unknown } };
        error?: { json: { message: string; data: { appCode: string; fields?: Record<string, string>; reason?: { code: string } } } };
      },
    };
  }
}
