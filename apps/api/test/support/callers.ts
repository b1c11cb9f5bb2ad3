// tRPC callers acting as a given person, without HTTP (createCaller over the real router).

import { loadActor } from "../../src/authz/load-actor.ts";
import type { Services } from "../../src/services.ts";
import { appRouter } from "../../src/trpc/app-router.ts";
import { createContextInner } from "../../src/trpc/context.ts";
import { createCallerFactory } from "../../src/trpc/init.ts";

const createCaller = createCallerFactory(appRouter);

export async function callerFor(services: Services, email: string | null) {
  if (email === null) return createCaller(createContextInner({ services, actor: null }));
  const user = await services.db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  return createCaller(createContextInner({ services, actor: await loadActor(services.sql, user.id) }));
}

export async function institutionIdOf(services: Services, slug: string): Promise<string> {
  return (await services.db.institution.findUniqueOrThrow({ where: { slug }, select: { id: true } })).id;
}
