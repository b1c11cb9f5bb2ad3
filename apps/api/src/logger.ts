import pino from "pino";

export type Logger = pino.Logger;

export function createLogger(level: string, name: string): Logger {
  return pino({ name, level, redact: ["password", "*.password", "token", "*.token", "kubeconfig", "*.kubeconfig"] });
}
