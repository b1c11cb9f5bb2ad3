import pino from "pino";
import { traceFields } from "./observability/tracing.ts";

export type Logger = pino.Logger;

export function createLogger(level: string, name: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    redact: ["password", "*.password", "token", "*.token", "kubeconfig", "*.kubeconfig"],
    // Every line written while a request or an operation run is traced names its trace.
    mixin: traceFields,
  };
  return destination ? pino(options, destination) : pino(options);
}
