// Outbound agents gone silent, fleet-wide, for the Opus dashboard: managed accounts whose
// credentials stay with their agent and whose last contact is older than the bound of
// @opus/rules/agent-contact (the environment page flags the same agents with the same rule).
import type { Db } from "@opus/db/client";
import type { EnvironmentKind, EnvironmentStatus } from "@opus/db/generated";
import { agentSilentBefore } from "@opus/rules/agent-contact";

/** The dashboard lists the longest-silent first; the count covers all of them. */
export const SILENT_AGENTS_LISTED = 20;

export type SilentAgent = {
  institution: { id: string; legalName: string };
  agentVersion: string | null;
  lastContactAt: Date;
  environments: { id: string; kind: EnvironmentKind; status: EnvironmentStatus }[];
};

/**
 * One statement, whatever the fleet's size: the count (a window over every silent agent) and the
 * longest-silent agents with their environments aggregated in, so the page links to each without a
 * query per institution. An agent that never called is not silent (just installed), as on the page.
 */
export async function silentAgents(db: Pick<Db, "$queryRaw">, now: Date): Promise<{ count: number; items: SilentAgent[] }> {
  const rows = await db.$queryRaw<
    {
      id: string;
      legal_name: string;
      agent_version: string | null;
      seen_at: Date;
      environments: SilentAgent["environments"];
      total: bigint;
    }[]
  >`
    SELECT i.id, i."legalName" AS legal_name, m."agentVersion" AS agent_version, m."agentSeenAt" AS seen_at,
           coalesce(
             json_agg(json_build_object('id', e.id, 'kind', e.kind, 'status', e.status) ORDER BY e.kind)
               FILTER (WHERE e.id IS NOT NULL),
             '[]'::json) AS environments,
           count(*) OVER () AS total
    FROM managed_account m
    JOIN institution i ON i.id = m."institutionId"
    LEFT JOIN environment e ON e."institutionId" = i.id AND e.status <> 'DESTROYED'
    WHERE m."credentialsSource" = 'AGENT' AND i."deploymentMode" = 'MANAGED'
      AND m."agentSeenAt" < ${agentSilentBefore(now)}
    GROUP BY i.id, m.id
    ORDER BY m."agentSeenAt" ASC, i.id
    LIMIT ${SILENT_AGENTS_LISTED}`;
  return {
    count: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      institution: { id: r.id, legalName: r.legal_name },
      agentVersion: r.agent_version,
      lastContactAt: r.seen_at,
      environments: r.environments,
    })),
  };
}
