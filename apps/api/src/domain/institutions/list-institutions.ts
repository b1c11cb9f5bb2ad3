import type { Enums, Prisma } from "@opus/db/client";
import type { DomainContext } from "../domain-context.ts";

export type ListInstitutionsInput = {
  search?: string | undefined;
  status?: Enums.InstitutionStatus | undefined;
  mode?: Enums.DeploymentMode | undefined;
  planId?: string | undefined;
  role?: Enums.RegulatoryRole | undefined;
  sort: "legalName" | "createdAt" | "status";
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
};

export const institutionListSelect = {
  id: true,
  slug: true,
  legalName: true,
  tradeName: true,
  cnpj: true,
  status: true,
  deploymentMode: true,
  roles: true,
  createdAt: true,
  plan: { select: { id: true, name: true } },
  _count: { select: { environments: true, memberships: true } },
} satisfies Prisma.InstitutionSelect;

/** Server-side search, filters, sort and offset pagination for the Opus institutions list. */
export async function listInstitutions(ctx: DomainContext, input: ListInstitutionsInput) {
  const search = input.search?.trim();
  const digits = search?.replace(/[./\-\s]/g, "").toUpperCase();
  const where: Prisma.InstitutionWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.mode ? { deploymentMode: input.mode } : {}),
    ...(input.planId ? { planId: input.planId } : {}),
    ...(input.role ? { roles: { has: input.role } } : {}),
    ...(search
      ? {
          OR: [
            { legalName: { contains: search, mode: "insensitive" } },
            { tradeName: { contains: search, mode: "insensitive" } },
            ...(digits ? [{ cnpj: { startsWith: digits } }] : []),
          ],
        }
      : {}),
  };
  const [total, items] = await ctx.db.$transaction([
    ctx.db.institution.count({ where }),
    ctx.db.institution.findMany({
      where,
      orderBy: [{ [input.sort]: input.direction }, { id: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      select: institutionListSelect,
    }),
  ]);
  return { items, total, page: input.page, pageSize: input.pageSize };
}
