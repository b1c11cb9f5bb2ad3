// What can be wrong with a wizard field, as keys of "onboarding.errors" in the catalogues. Client
// checks give immediate feedback; the API's answer is mapped onto the same keys.
import { EMAIL_PATTERN, UUID_PATTERN } from "@opus/rules/text-patterns";
import { appErrorFieldMap } from "@/lib/app-error";

export type FieldErrorKey =
  | "required"
  | "cnpjLength"
  | "cnpjCharacters"
  | "cnpjAllSame"
  | "cnpjCheckDigits"
  | "cnpjTaken"
  | "uuid"
  | "organisationIdTaken"
  | "rolesRequired"
  | "brandsRequired"
  | "duplicateServer"
  | "familiesRequired"
  | "email"
  | "phone"
  | "modeRequired"
  | "regionRequired"
  | "accountRef"
  | "regionCode"
  | "dnsLabel"
  | "endpoint"
  | "credentialsRequired"
  | "kubeconfigShort"
  | "hostname"
  | "port"
  | "cidr"
  | "url"
  | "planRequired"
  | "rejected";

/** Field path ("cnpj", "brands.0.name", "technical.email") → problem. */
export type FieldErrors = Partial<Record<string, FieldErrorKey>>;

export const isUuid = (value: string) => UUID_PATTERN.test(value.trim());
export const isEmail = (value: string) => EMAIL_PATTERN.test(value.trim());

/** The API's field problems in the wizard's terms; anything unrecognised is "not accepted". */
export function serverFieldErrors(error: unknown): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, message] of Object.entries(appErrorFieldMap(error))) {
    if (message === "already registered") errors[field] = field === "cnpj" ? "cnpjTaken" : "organisationIdTaken";
    else if (field === "credentials" && message === "required") errors[field] = "credentialsRequired";
    else if (field === "region" && message === "not an Opus SaaS region") errors[field] = "regionRequired";
    else if (field === "planId") errors[field] = "planRequired";
    else errors[field] = "rejected";
  }
  return errors;
}
