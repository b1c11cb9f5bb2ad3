// The only console module that reads process.env (biome's noProcessEnv rule forbids it elsewhere).
// Read at build time by next.config.ts: Next.js compiles rewrites into the build.

function url(name: string, fallback: string): string {
  const value = process.env[name] ?? fallback;
  if (!URL.canParse(value)) throw new Error(`${name} must be a URL such as ${fallback}, got "${value}"`);
  return value.replace(/\/+$/, "");
}

/** Where the API listens; the console forwards /api/* there. */
export const API_ORIGIN = url("API_ORIGIN", "http://127.0.0.1:4000");
