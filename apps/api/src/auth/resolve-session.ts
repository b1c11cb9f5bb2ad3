// Who is calling, at the cost of one statement. better-auth stays the authority on sessions
// (sign-in, TOTP, sign-out, expiry, sliding refresh); a request only reads what it wrote:
// - the signed session cookie is verified here (signed-cookie.ts), then
// - one statement reads the live session with its user and memberships (load-actor.ts).
// Revocation: a signed-out or expired session is not found, on every replica, at once, except that
// a query (GET) may answer from the session read cache for at most SESSION_READ_CACHE_MS on a replica
// that did not serve the sign-out (session-read-cache.ts states the bounds).
// Once per `updateAge` a session is due for better-auth's sliding refresh; that request goes
// through better-auth's own getSession, which extends the session and re-sets the cookie.
import type { SqlPool } from "@opus/db/sql-pool";
import type { Actor } from "../authz/actor.ts";
import { loadSessionActor } from "../authz/load-actor.ts";
import type { Auth } from "./create-auth.ts";
import type { SessionReadCache } from "./session-read-cache.ts";
import { readSignedCookie } from "./signed-cookie.ts";

type SessionSettings = { cookieName: string; secret: string; expiresInMs: number; updateAgeMs: number };
const settingsByAuth = new WeakMap<Auth, Promise<SessionSettings>>();

function sessionSettings(auth: Auth): Promise<SessionSettings> {
  let settings = settingsByAuth.get(auth);
  if (!settings) {
    settings = auth.$context.then((c) => ({
      cookieName: c.authCookies.sessionToken.name,
      secret: c.secret,
      expiresInMs: c.sessionConfig.expiresIn * 1000,
      updateAgeMs: c.sessionConfig.updateAge * 1000,
    }));
    settingsByAuth.set(auth, settings);
  }
  return settings;
}

export type SessionRequest = {
  /** The raw Cookie header. */
  cookie: string | undefined;
  /** All request headers, for better-auth's refresh path. */
  headers: () => Headers;
  /** Adds a Set-Cookie header to the response (the refreshed session cookie). */
  setCookie: (value: string) => void;
  /**
   * False for the console server's own requests while it renders a page: their Set-Cookie never
   * reaches the browser, so a due refresh waits for the browser's next request (within seconds).
   */
  cookieReachesBrowser: boolean;
  /** True for queries (GET): they may read the session read cache. Mutations always load afresh. */
  readOnly: boolean;
};

export async function resolveSessionActor(
  auth: Auth,
  sql: SqlPool,
  request: SessionRequest,
  cache?: SessionReadCache,
): Promise<Actor | null> {
  const settings = await sessionSettings(auth);
  const token = readSignedCookie(request.cookie, settings.cookieName, settings.secret);
  if (!token) return null;
  const now = Date.now();
  const useCache = request.readOnly && cache?.enabled === true;
  let found = useCache ? cache.get(token, now) : null;
  if (!found) {
    const begun = cache?.begin() ?? 0;
    found = await loadSessionActor(sql, token, new Date(now));
    if (!found) return null;
    if (useCache) cache.set(token, found, begun);
  }
  // better-auth's own rule: refresh once the session was last extended more than updateAge ago.
  const lastExtended = found.expiresAt.getTime() - settings.expiresInMs;
  if (lastExtended + settings.updateAgeMs > now || !request.cookieReachesBrowser) return found.actor;
  // The refresh moves the expiry: the remembered one would make every next read refresh again.
  cache?.delete(token);
  const refreshed = await auth.api.getSession({ headers: request.headers(), returnHeaders: true });
  for (const cookie of refreshed.headers.getSetCookie()) request.setCookie(cookie);
  return refreshed.response ? found.actor : null;
}
