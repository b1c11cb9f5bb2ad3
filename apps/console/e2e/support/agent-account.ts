// A managed institution whose credentials stay with its agent, written straight into the database
// from a fresh SaaS tenant: what the environment page shows depends only on the account's row (the
// agent's version and last contact, which a claim writes), so no agent needs to run for it.
import pg from "pg";
import { type SaasTenant, saasTenant } from "./provisioning";

export async function agentTenant(agent: { version: string; seenSecondsAgo: number } | null): Promise<SaasTenant> {
  const tenant = await saasTenant({ status: "ACTIVE", environmentStatus: "ACTIVE" });
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(`UPDATE institution SET "deploymentMode" = 'MANAGED', region = NULL WHERE id = $1`, [tenant.id]);
    await client.query(
      `INSERT INTO managed_account (id, "institutionId", "cloudProvider", "accountRef", region, "clusterName", "clusterEndpoint",
         "credentialsCiphertext", "credentialsSource", "agentVersion", "agentSeenAt", "updatedAt")
       VALUES ($1, $1, 'AWS', '210987654321', 'sa-east-1', 'agente-eks', 'https://agente-eks.example', '', 'AGENT', $2,
         (now() AT TIME ZONE 'UTC') - make_interval(secs => $3::int), now() AT TIME ZONE 'UTC')`,
      [tenant.id, agent?.version ?? null, agent?.seenSecondsAgo ?? null],
    );
    if (!agent) await client.query(`UPDATE managed_account SET "agentSeenAt" = NULL WHERE "institutionId" = $1`, [tenant.id]);
  } finally {
    await client.end();
  }
  return tenant;
}
