// The actor in one statement: the user with their memberships (and, for a session token, the
// session's expiry), so identity costs a signed-in request a single round trip. Raw SQL because
// Prisma issues one statement per relation here (user, then memberships); on the plain pg pool
// because it runs on every request (see docs/architecture.md, data-access styles).
import { Prisma } from "@opus/db/client";
import type { SqlPool } from "@opus/db/sql-pool";
import type { Actor, InstitutionRole, StaffRole } from "./actor.ts";

type ActorRow = {
  id: string;
  email: string;
  name: string;
  staffRole: StaffRole | null;
  twoFactorEnabled: boolean;
  locale: string | null;
  memberships: { institutionId: string; role: InstitutionRole }[];
};

const ACTOR_COLUMNS = Prisma.sql`u.id, u.email, u.name, u."staffRole"::text AS "staffRole", u."twoFactorEnabled", u.locale,
  COALESCE((SELECT json_agg(json_build_object('institutionId', m."institutionId", 'role', m.role) ORDER BY m."createdAt")
            FROM membership m WHERE m."userId" = u.id), '[]'::json) AS memberships`;

function toActor(row: ActorRow): Actor {
  return {
    userId: row.id,
    email: row.email,
    name: row.name,
    staffRole: row.staffRole,
    twoFactorEnabled: row.twoFactorEnabled,
    locale: row.locale,
    memberships: new Map(row.memberships.map((m) => [m.institutionId, m.role])),
  };
}

/** The actor for a user id (memberships included), or null when the user does not exist. */
export async function loadActor(sql: SqlPool, userId: string): Promise<Actor | null> {
  const query = Prisma.sql`SELECT ${ACTOR_COLUMNS} FROM "user" u WHERE u.id = ${userId}`;
  const { rows } = await sql.query<ActorRow>(query.text, query.values);
  return rows[0] ? toActor(rows[0]) : null;
}

/** The actor behind a live (unexpired) session token, with the session's expiry; null for none. */
export async function loadSessionActor(sql: SqlPool, token: string, now: Date): Promise<{ actor: Actor; expiresAt: Date } | null> {
  const query = Prisma.sql`
    SELECT ${ACTOR_COLUMNS}, s."expiresAt"
    FROM session s JOIN "user" u ON u.id = s."userId"
    WHERE s.token = ${token} AND s."expiresAt" > ${now.toISOString()}::timestamp(3)`;
  // Named: each pooled connection parses and plans it once, then only binds the token (it runs on
  // every signed-in request, so the server's parse and plan are worth saving).
  const { rows } = await sql.query<ActorRow & { expiresAt: Date }>({ name: "session-actor", text: query.text, values: query.values });
  const row = rows[0];
  return row ? { actor: toActor(row), expiresAt: row.expiresAt } : null;
}
