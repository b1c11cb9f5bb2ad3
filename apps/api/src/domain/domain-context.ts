import type { Actor } from "../authz/actor.ts";
import type { Context } from "../trpc/context.ts";

/** What domain functions receive: the request context with a signed-in actor. */
export type DomainContext = Omit<Context, "actor" | "headers"> & { actor: Actor };
