import { trace } from "@opentelemetry/api";
import pino from "pino";
import { REDACT_PATHS } from "./log-redact-paths.ts";

export type Logger = pino.Logger;

/** Trace and span ids of the active span (observability/tracing.ts), for log lines; empty when not traced. */
function traceFields(): { traceId?: string; spanId?: string } {
  const span = trace.getActiveSpan()?.spanContext();
  return span && trace.isSpanContextValid(span) ? { traceId: span.traceId, spanId: span.spanId } : {};
}

export function createLogger(
  level: string,
  name: string,
  destination?: pino.DestinationStream,
  // Only the redaction test passes its own list (to prove each path is needed).
  redactPaths: readonly string[] = REDACT_PATHS,
): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    redact: [...redactPaths],
    // Every line written while a request or an operation run is traced names its trace.
    mixin: traceFields,
  };
  return destination ? pino(options, destination) : pino(options);
}
