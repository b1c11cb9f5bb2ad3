// The request context: who is calling (or nobody), a request id, a child logger, and the services
// domain functions need. `createContextInner` builds it without HTTP, for router tests.
import type { Auth } from "../auth/create-auth.ts";
import { resolveSessionActor, type SessionRequest } from "../auth/resolve-session.ts";
import type { Actor } from "../authz/actor.ts";
import type { PublicDomainContext } from "../domain/domain-context.ts";
import type { Services } from "../services.ts";

export type RequestMeta = { requestId: string; ip: string | null; userAgent: string | null };

/** The domain's context (which the domain defines) plus what only the transport needs. */
export type Context = PublicDomainContext & RequestMeta & { services: Services };

export function createContextInner(input: { services: Services; actor: Actor | null; meta?: Partial<RequestMeta> }): Context {
  const requestId = input.meta?.requestId ?? crypto.randomUUID();
  return {
    db: input.services.db,
    sql: input.services.sql,
    clock: input.services.clock,
    ports: { mailer: input.services.mailer, cipher: input.services.cipher, auditSigner: input.services.auditSigner },
    settings: {
      platformRelease: input.services.platformRelease,
      saasRegions: input.services.saasRegions,
      saasKubernetes: input.services.saasKubernetes,
      publicUrl: input.services.publicUrl,
      agentImage: input.services.agentImage,
      reportGraceDays: input.services.reportGraceDays,
    },
    services: input.services,
    log: input.services.log.child({ requestId, userId: input.actor?.userId }),
    actor: input.actor,
    requestId,
    ip: input.meta?.ip ?? null,
    userAgent: input.meta?.userAgent ?? null,
  };
}

/** The HTTP context: the actor is resolved once, in at most one statement (see auth/resolve-session.ts). */
export async function createHttpContext(services: Services, session: SessionRequest, meta: RequestMeta): Promise<Context> {
  const actor = await resolveSessionActor(services.auth, services.sql, session, services.sessionCache);
  return createContextInner({ services, actor, meta });
}

export type { Auth };
