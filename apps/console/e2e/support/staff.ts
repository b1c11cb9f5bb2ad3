import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";
import { uniqueSuffix } from "./identifiers";

/**
 * An Opus operator who has not set up two-factor authentication yet, created straight in the
 * database (staff are never invited through the console), so no demo account is changed.
 */
export async function staffWithoutTotp(password: string): Promise<{ email: string; name: string }> {
  const id = randomUUID();
  const email = `new-operator-${uniqueSuffix().toLowerCase()}@opus.example`;
  const name = "Nico Novo";
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "user" (id, name, email, "emailVerified", "staffRole", "twoFactorEnabled", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, true, 'OPERATOR', false, now(), now())`,
      [id, name, email],
    );
    await client.query(
      `INSERT INTO account (id, "accountId", "providerId", "userId", password, "createdAt", "updatedAt")
       VALUES ($1, $2, 'credential', $2, $3, now(), now())`,
      [randomUUID(), id, await hashPassword(password)],
    );
  } finally {
    await client.end();
  }
  return { email, name };
}
