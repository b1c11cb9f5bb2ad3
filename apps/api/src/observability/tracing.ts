// OpenTelemetry traces of the API and the worker: a span per HTTP request (joining the caller's W3C
// trace context), Prisma's spans for every database call beneath it, and a span per provisioning
// operation run that continues the trace of the request that queued it. Spans go to an OTLP
// endpoint when one is configured (OTEL_EXPORTER_OTLP_ENDPOINT), and nowhere when not; the context
// (which request, which trace) is carried either way, so logs and queued operations can name it.
import { context, propagation, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, type SpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { PrismaInstrumentation } from "@prisma/instrumentation";

const TRACER = "opus-control-plane";
const REQUEST_ID = Symbol.for("opus.requestId");

export type TracingOptions = {
  /** OTLP/HTTP base URL, e.g. http://otel-collector:4318; spans are posted to <url>/v1/traces. */
  otlpEndpoint?: string | undefined;
  /** For tests: where spans go instead of an exporter. */
  processor?: SpanProcessor;
};

/** Call once at process start, before the first request. Returns a shutdown that flushes spans. */
export function startTracing(service: string, options: TracingOptions): () => Promise<void> {
  // Always: without a context manager nothing is carried across awaits, and without the
  // propagator an incoming traceparent would be ignored.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  const processor =
    options.processor ??
    (options.otlpEndpoint
      ? new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${options.otlpEndpoint}/v1/traces` }) })
      : null);
  if (!processor) return async () => {};
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ "service.name": service }),
    spanProcessors: [processor],
  });
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new PrismaInstrumentation()] });
  return () => provider.shutdown();
}

/**
 * Runs `handle` inside a server span for one HTTP request, continuing the caller's trace when its
 * headers carry one. The span ends when the response finishes, with the route and status.
 */
export function withRequestSpan<T>(
  request: { method: string; path: string; route: string; requestId: string; headers: Record<string, unknown> },
  onFinish: (listener: (status: number) => void) => void,
  handle: () => T,
): T {
  const parent = propagation.extract(ROOT_CONTEXT, request.headers);
  const span = trace.getTracer(TRACER).startSpan(
    `${request.method} ${request.route}`,
    {
      kind: SpanKind.SERVER,
      attributes: { "http.request.method": request.method, "http.route": request.route, "url.path": request.path },
    },
    parent,
  );
  onFinish((status) => {
    span.setAttribute("http.response.status_code", status);
    if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  return context.with(trace.setSpan(parent, span).setValue(REQUEST_ID, request.requestId), handle);
}

/** The request being served, as far as the current async context knows (null outside a request). */
export function currentRequestId(): string | null {
  const value = context.active().getValue(REQUEST_ID);
  return typeof value === "string" ? value : null;
}

/** The current trace as a W3C traceparent header value, to hand work on (null when not traced). */
export function currentTraceParent(): string | null {
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent ?? null;
}

/** Runs `work` in a span continuing the trace `traceParent` names (a queued operation's). */
export async function withContinuedSpan<T>(
  name: string,
  traceParent: string | null,
  attributes: Record<string, string | number>,
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = traceParent ? propagation.extract(ROOT_CONTEXT, { traceparent: traceParent }) : ROOT_CONTEXT;
  return trace.getTracer(TRACER).startActiveSpan(name, { kind: SpanKind.CONSUMER, attributes }, parent, async (span) => {
    try {
      return await work(span);
    } finally {
      span.end();
    }
  });
}
