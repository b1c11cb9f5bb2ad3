// Operators name tenants by slug (the console's wave form); the planner selects by institution id.
// Every slug of the selection and of the waves is resolved here, in one query, and an unknown one
// is refused by name before anything is planned.
import type { Db } from "@opus/db/client";
import { AppError } from "../../errors/app-error.ts";
import type { RolloutInput } from "./rollout-input.ts";

export async function resolveTenants(db: Db, input: RolloutInput): Promise<RolloutInput> {
  const slugs = [...new Set([...input.selection.tenants, ...input.waves.flatMap((w) => w.tenants ?? [])])];
  if (slugs.length === 0) return input;
  const found = await db.institution.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const idOf = new Map(found.map((i) => [i.slug, i.id]));
  const unknown = slugs.filter((s) => !idOf.has(s));
  if (unknown.length) throw new AppError("BAD_INPUT", `No tenant has the slug ${unknown.map((s) => `"${s}"`).join(", ")}.`);
  const ids = (list: string[]) => list.map((s) => idOf.get(s) as string);
  return {
    ...input,
    selection: { ...input.selection, institutionIds: [...input.selection.institutionIds, ...ids(input.selection.tenants)], tenants: [] },
    waves: input.waves.map(({ tenants, ...w }) =>
      tenants?.length ? { ...w, institutionIds: [...(w.institutionIds ?? []), ...ids(tenants)] } : w,
    ),
  };
}
