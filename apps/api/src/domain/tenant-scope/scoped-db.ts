// The one way the domain reaches a tenant's records. `scopedDb(ctx, institutionId)` is a Prisma
// client whose every query on a tenant-owned model is constrained to that institution, whatever the
// caller's `where` says: an id that belongs to another tenant is simply not found, and nothing of
// another tenant can be updated or deleted through it. Functions never add the institution filter
// by hand, so forgetting it in one function is not possible.
import type { Db } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import type { DomainContext } from "../domain-context.ts";
import { isDirectlyOwned, scopeFilter } from "./tenant-models.ts";

type Args = Record<string, unknown> & { where?: Record<string, unknown>; data?: unknown; create?: unknown };

const READS_AND_WRITES_BY_WHERE = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);
const CREATES = new Set(["create", "createMany", "createManyAndReturn", "upsert"]);

/**
 * A client for one institution. The actor must be Opus staff or a member of it: the permission
 * check happened at the procedure, and this repeats its tenant half where the data is reached.
 */
export function scopedDb(ctx: Pick<DomainContext, "db" | "actor">, institutionId: string) {
  if (!ctx.actor.staffRole && !ctx.actor.memberships.has(institutionId)) {
    throw new AppError("FORBIDDEN", "You do not have permission to do this.");
  }
  return scopeClient(ctx.db, institutionId);
}

/** The same scoping for system work on one tenant (no actor), e.g. the worker settling a run. */
export function scopeClient(db: Db, institutionId: string): ScopedDb {
  const scoped = db.$extends({
    name: "tenant-scope",
    query: {
      $allModels: {
        $allOperations({ model, operation, args, query }) {
          const filter = scopeFilter(model, institutionId);
          if (filter === undefined) {
            throw new Error(`${model} is not classified in tenant-models.ts: say whether it belongs to a tenant.`);
          }
          if (filter === null) return query(args); // global: people, plans, sign-up requests
          if (model === "Institution" && CREATES.has(operation)) throw new Error("A scoped client cannot create institutions.");
          const scoped = { ...(args as Args) };
          if (READS_AND_WRITES_BY_WHERE.has(operation)) scoped.where = within(scoped.where, filter);
          if (CREATES.has(operation)) {
            if (operation === "upsert") scoped.create = ownedData(model, scoped.create, institutionId);
            else scoped.data = ownedData(model, scoped.data, institutionId);
          }
          return query(scoped);
        },
      },
    },
  });
  // A query extension changes what runs, never the types of results: the scoped client has the
  // plain client's API, so helpers that take a client or a transaction take either.
  return scoped as unknown as ScopedDb;
}

/** A client whose tenant-owned models are constrained to one institution (see `scopedDb`). */
export type ScopedDb = Db;

/** Keeps unique fields at the top (findUnique/update need them there) and adds the scope beside them. */
function within(where: Record<string, unknown> | undefined, filter: Record<string, unknown>) {
  const and = where?.AND === undefined ? [] : Array.isArray(where.AND) ? where.AND : [where.AND];
  return { ...where, AND: [...and, filter] };
}

/**
 * New rows of a directly owned model belong to the scope's institution: a missing institutionId is
 * filled in, a different one refused. Rows owned through a parent (an operation through its
 * environment) are created only for a parent the same scoped client has just found.
 */
function ownedData(model: string, data: unknown, institutionId: string): unknown {
  if (Array.isArray(data)) return data.map((row) => ownedData(model, row, institutionId));
  if (!isDirectlyOwned(model) || typeof data !== "object" || data === null) return data;
  const row = data as Record<string, unknown>;
  if ("institution" in row) throw new Error(`Create ${model} rows with institutionId through the scoped client, not a relation.`);
  if (row.institutionId !== undefined && row.institutionId !== institutionId) {
    throw new Error(`Refused: a ${model} for another institution through a client scoped to ${institutionId}.`);
  }
  return { ...row, institutionId };
}
