import { randomInt, randomUUID } from "node:crypto";
import { computeCnpjCheckDigits, maskCnpj } from "@opus/rules/cnpj";

const ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/**
 * A valid alphanumeric CNPJ no other test will draw: it starts with a letter (the demo data's are
 * numeric or start with digits) and has 11 random characters after it.
 */
export function uniqueCnpj(): string {
  const base = `Z${Array.from({ length: 11 }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join("")}`;
  return maskCnpj(`${base}${computeCnpjCheckDigits(base)}`);
}

/** A Directory identifier (OrganisationId, AuthorisationServerId). */
export const uniqueUuid = (): string => randomUUID();

/** A short suffix that makes names unique per test run. */
export const uniqueSuffix = (): string => `${Date.now().toString(36)}${randomInt(1e6).toString(36)}`.toUpperCase();
