import type { Prisma } from "@opus/db/client";

/**
 * A URL- and DNS-safe tenant slug from the legal name. It prefixes every Pulumi stack and namespace
 * ("<slug>-homologation" must stay within Kubernetes' 63-character label limit), so it is short.
 */
export async function newSlug(tx: Prisma.TransactionClient, legalName: string): Promise<string> {
  const base =
    legalName
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\b(s\.?a\.?|ltda\.?|me|eireli)\b/g, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 36)
      .replace(/-+$/, "") || "institution";
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await tx.institution.findUnique({ where: { slug }, select: { id: true } }))) return slug;
  }
}
