import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "@opus/db/demo-accounts";
import * as OTPAuth from "otpauth";

export { DEMO_PASSWORD };

function account(email: string): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.email === email);
  if (!found) throw new Error(`${email} is not a demo account`);
  return found;
}

/** The seeded people, by the role each test needs. */
export const ACCOUNTS = {
  opusAdmin: account("admin@opus.example"),
  opusAdmin2: account("admin2@opus.example"),
  opusOperator: account("operator@opus.example"),
  opusOperator2: account("operator2@opus.example"),
  opusBilling: account("billing@opus.example"),
  auroraAdmin: account("ana@aurora.example"),
  auroraViewer: account("victor@aurora.example"),
  horizonteAdmin: account("helena@horizonte.example"),
  sertaoAdmin: account("sergio@sertao.example"),
} as const;

export const INSTITUTIONS = {
  aurora: "Banco Aurora S.A.",
  horizonte: "Cooperativa de Crédito Horizonte",
  sertao: "Fintech Sertão Pagamentos Ltda.",
} as const;

/** The code an authenticator app would show now, as `pnpm totp` computes it. */
export function totpCode(who: DemoAccount): string {
  if (!who.totpSecret) throw new Error(`${who.email} has no TOTP secret`);
  return new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromUTF8(who.totpSecret) }).generate();
}

/** A fresh address per test run, so tests never collide in the shared database. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}@aurora.example`;
}
