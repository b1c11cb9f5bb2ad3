// Where a better-auth request came from. The HTTP server runs better-auth's handler inside
// `withAuthRequest`, so the audit hook records the client address the server trusted (never a
// header better-auth would read on its own).
import { AsyncLocalStorage } from "node:async_hooks";
import type { RequestOrigin } from "../domain/domain-context.ts";

const current = new AsyncLocalStorage<RequestOrigin>();

export function withAuthRequest<T>(origin: RequestOrigin, run: () => T): T {
  return current.run(origin, run);
}

export function authRequestOrigin(): RequestOrigin {
  return current.getStore() ?? { requestId: null, ip: null, userAgent: null };
}
