// Traces as a collector would receive them (an in-memory exporter in place of OTLP): a request's
// server span continues the caller's W3C trace, the database calls beneath it are its children, and
// an operation queued by a request runs in a worker span of the same trace, with logs naming it.
import { Writable } from "node:stream";
import { context, propagation, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace";
import { DEMO_PASSWORD } from "@opus/db/demo-accounts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { startTracing, withContinuedSpan, withRequestSpan } from "../../src/observability/tracing.ts";
import { FakeEngine } from "../provisioning/support/fake-engine.ts";
import { createTenant, createTestWorker, waitFor } from "../provisioning/support/fixtures.ts";
import { callerFor } from "../support/callers.ts";
import { HttpSession, startTestServer } from "../support/http-client.ts";
import { createTestServices, type TestServices } from "../support/test-services.ts";

const spans = new InMemorySpanExporter();
let stopTracing: () => Promise<void>;
let services: TestServices;
let api: Awaited<ReturnType<typeof startTestServer>>;

beforeAll(async () => {
  stopTracing = startTracing("opus-test", { processor: new SimpleSpanProcessor({ exporter: spans }) });
  services = await createTestServices();
  api = await startTestServer(services);
});
afterAll(async () => {
  await api.close();
  await services.cleanup();
  await stopTracing();
  trace.disable();
  context.disable();
  propagation.disable();
});

const TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
const CALLER_SPAN = "00f067aa0ba902b7";

describe("traces", () => {
  it("a request continues the caller's trace, and its database calls are spans beneath it", async () => {
    const session = new HttpSession(api.base, services.publicUrl);
    expect((await session.postJson("/api/auth/sign-in/email", { email: "ana@aurora.example", password: DEMO_PASSWORD })).status).toBe(200);
    spans.reset();
    const res = await session.request("/api/trpc/me.get", { headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` } });
    expect(res.status).toBe(200);

    const finished = spans.getFinishedSpans().filter((s) => s.spanContext().traceId === TRACE_ID);
    const server = finished.find((s) => s.name === "GET /api/trpc/me.get");
    expect(server?.parentSpanContext?.spanId).toBe(CALLER_SPAN);
    expect(server?.attributes).toMatchObject({ "http.route": "/api/trpc/me.get", "http.response.status_code": 200 });
    const database = finished.filter((s) => s.name.startsWith("prisma:"));
    expect(database.length).toBeGreaterThan(0);
    // Every database span belongs to this request's tree, rooted at the server span.
    const byId = new Map(finished.map((s) => [s.spanContext().spanId, s]));
    const rootOf = (spanId: string | undefined): string | undefined => {
      const span = spanId ? byId.get(spanId) : undefined;
      const parent = span?.parentSpanContext?.spanId;
      return parent && byId.has(parent) ? rootOf(parent) : spanId;
    };
    for (const span of database) expect(rootOf(span.spanContext().spanId)).toBe(server?.spanContext().spanId);
  });

  it("a request without a trace starts one of its own", async () => {
    spans.reset();
    expect((await fetch(`${api.base}/healthz`)).status).toBe(200);
    const [server] = spans.getFinishedSpans().filter((s) => s.name === "GET /healthz");
    expect(server?.parentSpanContext).toBeUndefined();
    expect(server?.spanContext().traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it("an operation queued by a request records it, and its run is a span of the same trace", async () => {
    const tenant = await createTenant(services.db);
    const operator = await callerFor(services, "operator@opus.example");
    spans.reset();
    const request = {
      method: "POST",
      path: "/api/trpc/environments.preview",
      route: "/api/trpc/environments.preview",
      requestId: "req-trace-1",
    };
    const queued = await withRequestSpan(
      { ...request, headers: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN}-01` } },
      () => {},
      () => operator.environments.preview({ institutionId: tenant.id, environmentId: tenant.env.id }),
    );
    const row = await services.db.operation.findUniqueOrThrow({ where: { id: queued.operation.id } });
    expect(row.requestId).toBe("req-trace-1");
    expect(row.traceParent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));

    const worker = createTestWorker(services, new FakeEngine());
    worker.start();
    try {
      await waitFor(async () => (await services.db.operation.findUniqueOrThrow({ where: { id: row.id } })).status === "SUCCEEDED");
    } finally {
      await worker.stop();
    }
    const run = spans.getFinishedSpans().find((s) => s.name === "provisioning.operation PREVIEW");
    expect(run?.spanContext().traceId).toBe(TRACE_ID);
    expect(run?.parentSpanContext?.spanId).toBe(row.traceParent?.split("-")[2]);
    expect(run?.attributes).toMatchObject({ "opus.operation.id": row.id, "opus.operation.outcome": "succeeded" });
  });

  it("log lines written inside a traced run name its trace and span", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = createLogger("info", "trace-test", sink);
    await withContinuedSpan("test.work", `00-${TRACE_ID}-${CALLER_SPAN}-01`, {}, async (span) => {
      log.info("inside");
      expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({ traceId: TRACE_ID, spanId: span.spanContext().spanId, msg: "inside" });
    });
    log.info("outside");
    expect(JSON.parse(lines[1] ?? "{}")).not.toHaveProperty("traceId");
  });
});
