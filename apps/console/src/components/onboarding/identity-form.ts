import { type CnpjInvalidReason, maskCnpj, normalizeCnpj, validateCnpj } from "@opus/rules/cnpj";
import type { InstitutionDetail, RegulatoryRole, StepData } from "@/lib/router-types";
import { type FieldErrorKey, type FieldErrors, isUuid } from "./field-errors";

export type IdentityForm = { legalName: string; tradeName: string; cnpj: string; organisationId: string; roles: RegulatoryRole[] };

export function identityForm(institution: InstitutionDetail): IdentityForm {
  return {
    legalName: institution.legalName,
    tradeName: institution.tradeName ?? "",
    cnpj: institution.cnpj ? maskCnpj(institution.cnpj) : "",
    organisationId: institution.organisationId ?? "",
    roles: institution.roles,
  };
}

const CNPJ_ERRORS: Record<CnpjInvalidReason, FieldErrorKey> = {
  length: "cnpjLength",
  characters: "cnpjCharacters",
  "all-same": "cnpjAllSame",
  "check-digits": "cnpjCheckDigits",
};

export function cnpjError(cnpj: string): FieldErrorKey | undefined {
  if (!cnpj.trim()) return "required";
  const result = validateCnpj(cnpj);
  return result.ok ? undefined : CNPJ_ERRORS[result.reason];
}

export function validateIdentity(form: IdentityForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.legalName.trim()) errors.legalName = "required";
  const cnpj = cnpjError(form.cnpj);
  if (cnpj) errors.cnpj = cnpj;
  if (!form.organisationId.trim()) errors.organisationId = "required";
  else if (!isUuid(form.organisationId)) errors.organisationId = "uuid";
  if (form.roles.length === 0) errors.roles = "rolesRequired";
  return errors;
}

export function identityData(form: IdentityForm): StepData<"identity"> {
  return {
    legalName: form.legalName.trim(),
    tradeName: form.tradeName.trim() || undefined,
    cnpj: normalizeCnpj(form.cnpj),
    organisationId: form.organisationId.trim().toLowerCase(),
    roles: form.roles,
  };
}
