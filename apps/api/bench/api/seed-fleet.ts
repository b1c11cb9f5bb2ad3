// A fleet as production has it: institutions with their child rows (environments, members,
// operations, audit events), written with set-based SQL so 10,000 tenants take seconds, not minutes.
import pg from "pg";

export type FleetShape = {
  institutions: number;
  environmentsPerInstitution: number;
  membersPerInstitution: number;
  operationsPerEnvironment: number;
  auditEventsPerInstitution: number;
};

export const REALISTIC_FLEET: FleetShape = {
  institutions: 10_000,
  environmentsPerInstitution: 2,
  membersPerInstitution: 2,
  operationsPerEnvironment: 3,
  auditEventsPerInstitution: 10,
};

const WORDS = ["Banco", "Cooperativa", "Fintech", "Crédito", "Pagamentos", "Investimentos", "Aurora", "Horizonte", "Sertão", "Paraná"];

/** Adds `shape.institutions` generated tenants (slugs `fleet-<n>`) beside the demo seed. Returns row counts. */
export async function seedFleet(databaseUrl: string, shape: FleetShape = REALISTIC_FLEET): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO institution (id, slug, "legalName", cnpj, status, "deploymentMode", "planId", roles, "createdAt", "updatedAt")
       SELECT 'fleet-inst-' || n, 'fleet-' || n,
              ($2::text[])[1 + n % 10] || ' ' || ($2::text[])[1 + (n * 7) % 10] || ' ' || n || ' S.A.',
              lpad((20000000000000 + n * 97)::text, 14, '0'),
              (ARRAY['DRAFT','SUBMITTED','ACTIVE','SUSPENDED','PROVISIONING','ACTIVE','ACTIVE'])[1 + n % 7]::"InstitutionStatus",
              (ARRAY['SAAS','MANAGED','SELF_MANAGED'])[1 + n % 3]::"DeploymentMode",
              (SELECT id FROM plan ORDER BY id OFFSET n % GREATEST((SELECT count(*) FROM plan), 1) LIMIT 1),
              CASE WHEN n % 2 = 0 THEN ARRAY['DADOS','PAGTO']::"RegulatoryRole"[] ELSE ARRAY['DADOS']::"RegulatoryRole"[] END,
              now() - n * interval '1 minute', now()
       FROM generate_series(1, $1) AS n`,
      [shape.institutions, WORDS],
    );
    const kinds = ["DEVELOPMENT", "HOMOLOGATION", "PRODUCTION"].slice(0, shape.environmentsPerInstitution);
    await client.query(
      `INSERT INTO environment (id, "institutionId", kind, status, "stackName", "createdAt", "updatedAt")
       SELECT 'fleet-env-' || n || '-' || k, 'fleet-inst-' || n, k::"EnvironmentKind", 'ACTIVE', 'fleet-' || n || '-' || lower(k), now(), now()
       FROM generate_series(1, $1) AS n, unnest($2::text[]) AS k`,
      [shape.institutions, kinds],
    );
    await client.query(
      `INSERT INTO "user" (id, name, email, "emailVerified", "createdAt", "updatedAt")
       SELECT 'fleet-user-' || n || '-' || m, 'Member ' || n || '.' || m, 'member' || m || '@fleet-' || n || '.example', true, now(), now()
       FROM generate_series(1, $1) AS n, generate_series(1, $2) AS m`,
      [shape.institutions, shape.membersPerInstitution],
    );
    await client.query(
      `INSERT INTO membership (id, "userId", "institutionId", role, "createdAt")
       SELECT 'fleet-mem-' || n || '-' || m, 'fleet-user-' || n || '-' || m, 'fleet-inst-' || n,
              (CASE WHEN m = 1 THEN 'ADMIN' ELSE 'VIEWER' END)::"InstitutionRole", now()
       FROM generate_series(1, $1) AS n, generate_series(1, $2) AS m`,
      [shape.institutions, shape.membersPerInstitution],
    );
    await client.query(
      `INSERT INTO operation (id, "environmentId", "stackName", kind, status, "idempotencyKey", "createdAt", "finishedAt")
       SELECT 'fleet-op-' || e.id || '-' || o, e.id, e."stackName", (ARRAY['PREVIEW','UP','REFRESH'])[1 + o % 3]::"OperationKind",
              'SUCCEEDED', 'fleet-op-' || e.id || '-' || o, now() - o * interval '1 day', now() - o * interval '1 day'
       FROM environment e, generate_series(1, $1) AS o WHERE e.id LIKE 'fleet-env-%'`,
      [shape.operationsPerEnvironment],
    );
    await client.query(
      // Filler rows outside the hash chain: negative positions sort before its genesis, so the
      // verifier counts them as predating the chain and the chain's own numbering is untouched.
      `INSERT INTO audit_event (id, seq, action, "institutionId", "targetType", "targetId", data, "createdAt")
       SELECT 'fleet-audit-' || n || '-' || a, -((n - 1) * $2 + a), 'institution.update', 'fleet-inst-' || n, 'institution',
              'fleet-inst-' || n, jsonb_build_object('step', a), now() - a * interval '1 hour'
       FROM generate_series(1, $1) AS n, generate_series(1, $2) AS a`,
      [shape.institutions, shape.auditEventsPerInstitution],
    );
    await client.query("COMMIT");
    // A live database is vacuumed by autovacuum, which keeps the visibility map current (index-only
    // scans then skip the heap); this server runs with autovacuum off, so do what it would have done.
    await client.query("VACUUM ANALYZE");
    const counts: Record<string, number> = {};
    for (const table of ["institution", "environment", "membership", "operation", "audit_event"]) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
      counts[table.replaceAll('"', "")] = Number(rows[0]?.n);
    }
    return counts;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
