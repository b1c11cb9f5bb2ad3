// The only console module that reads process.env (biome's noProcessEnv rule forbids it elsewhere).
// The console's own code reads two settings, at build time: next.config.ts compiles API_ORIGIN into
// the rewrites, and CONSOLE_OUTPUT=standalone (set by Dockerfile.console) makes the build a
// self-contained server for the image. At run time Next's server reads PORT and HOSTNAME itself; they are checked here too,
// so a deployment's container environment can be validated against the same rules.

export type ConsoleEnv = {
  /** Where the API listens; the console forwards /api/* there (build time). */
  API_ORIGIN: string;
  /** "standalone": .next/standalone holds a server with only the files it needs (build time). */
  CONSOLE_OUTPUT: "standalone" | undefined;
  /** Port and interface Next's server listens on (run time). */
  PORT: number;
  HOSTNAME: string | undefined;
};

/** Names the settings the console process reads, for the deployment's tests (NODE_ENV is Next's own). */
export const CONSOLE_SETTINGS = ["NODE_ENV", "API_ORIGIN", "CONSOLE_OUTPUT", "PORT", "HOSTNAME"];

export function parseConsoleEnv(source: Record<string, string | undefined>): ConsoleEnv {
  const problems: string[] = [];
  const origin = source.API_ORIGIN ?? "http://127.0.0.1:4000";
  if (!URL.canParse(origin)) problems.push(`API_ORIGIN: must be a URL such as http://127.0.0.1:4000, got "${origin}"`);
  const port = Number(source.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 1 || port > 65535) problems.push("PORT: must be a port number (1-65535)");
  const output = source.CONSOLE_OUTPUT === "standalone" ? "standalone" : undefined;
  if (source.CONSOLE_OUTPUT !== undefined && !output) problems.push(`CONSOLE_OUTPUT: must be "standalone" or unset`);
  const nodeEnv = source.NODE_ENV;
  if (nodeEnv !== undefined && !["development", "test", "production"].includes(nodeEnv)) {
    problems.push("NODE_ENV: must be development, test or production");
  }
  if (problems.length) throw new Error(`Invalid environment for the console:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return { API_ORIGIN: origin.replace(/\/+$/, ""), CONSOLE_OUTPUT: output, PORT: port, HOSTNAME: source.HOSTNAME };
}

/** Read by next.config.ts when the console is built. */
export function consoleEnv(): ConsoleEnv {
  return parseConsoleEnv(process.env);
}

/** `next dev` evaluates code with eval (the page policy allows it only there). */
export function isDevelopmentServer(): boolean {
  return process.env.NODE_ENV === "development";
}

/**
 * The API's origin for the console server's own requests (a page's first data, fetched while it
 * renders): compiled into the build like the rewrites (next.config.ts passes it through `env`).
 */
export function builtApiOrigin(): string {
  return process.env.API_ORIGIN ?? "http://127.0.0.1:4000";
}
