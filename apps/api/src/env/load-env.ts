// The only module of the API package that reads process.env (biome's noProcessEnv rule forbids it
// elsewhere). Each entry point loads its own process's schema once, at start, and nothing else.
import type { z } from "zod";

/** Parses `source` with one process's schema; a failure names every problem at once, never a value. */
export function parseEnvWith<Schema extends z.ZodType>(
  processName: string,
  schema: Schema,
  source: Record<string, string | undefined>,
): z.infer<Schema> {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(environment)"}: ${i.message}`);
    throw new Error(`Invalid environment for the ${processName}:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

/** The running process's environment, parsed by the given `parse…Env` function. */
export function loadEnv<T>(parse: (source: Record<string, string | undefined>) => T): T {
  return parse(process.env);
}
