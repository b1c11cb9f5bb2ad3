// What a preview ran with, so "Approve and deploy" can apply exactly that. Two fingerprints:
// - the records the tenant spec is built from (tenant, plan, managed account, environment and
//   its release), computed in SQL so the enqueue can compare it in the very statement that
//   inserts the deploy: nothing can change between the check and the insert;
// - the built spec itself (with the worker's configuration: region servers, default release),
//   which the worker compares again before the deploy runs.
import { createHash } from "node:crypto";
import { type Db, Prisma } from "@opus/db/client";

type Tx = Db | Prisma.TransactionClient;

/**
 * A scalar subquery: the SHA-256 (hex) of every stored value the spec builder reads for this
 * environment. The managed credentials enter as the MD5 of their ciphertext: re-sealed
 * credentials count as a change, and nothing here decrypts them.
 */
export function specInputsHashSql(environmentId: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(
    SELECT encode(sha256(convert_to(json_build_array(
      i.slug, i."legalName", i."deploymentMode", i.region, p.size,
      m."clusterName", md5(m."credentialsCiphertext"), m."credentialsSource", e.kind, e."releaseVersion"
    )::text, 'UTF8')), 'hex')
    FROM environment e
    JOIN institution i ON i.id = e."institutionId"
    LEFT JOIN plan p ON p.id = i."planId"
    LEFT JOIN managed_account m ON m."institutionId" = i.id
    WHERE e.id = ${environmentId}
  )`;
}

export async function specInputsHash(tx: Tx, environmentId: string): Promise<string> {
  const [row] = await tx.$queryRaw<{ hash: string | null }[]>`SELECT ${specInputsHashSql(environmentId)} AS hash`;
  if (!row?.hash) throw new Error(`environment ${environmentId} not found`);
  return row.hash;
}

/** SHA-256 of a spec as canonical JSON (keys sorted), so equal specs hash equal. */
export function hashTenantSpec(spec: unknown): string {
  return createHash("sha256").update(canonicalJson(spec)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Asked of a person when a deploy would not apply what they reviewed. */
export const PREVIEW_AGAIN = "Preview again, review the new changes, then approve that preview.";
