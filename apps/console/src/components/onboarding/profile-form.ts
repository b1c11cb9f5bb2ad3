import type { ApiFamily, InstitutionDetail, StepData } from "@/lib/router-types";
import { type FieldErrors, isUuid } from "./field-errors";

export type BrandForm = { key: string; name: string; authorisationServerId: string };
export type ProfileForm = { brands: BrandForm[]; apiFamilies: ApiFamily[] };

let nextKey = 0;
/** A stable React key for a brand row, so removing one keeps the others' inputs. */
export function newBrand(name = "", authorisationServerId = ""): BrandForm {
  nextKey += 1;
  return { key: `brand-${nextKey}`, name, authorisationServerId };
}

export function profileForm(institution: InstitutionDetail): ProfileForm {
  const brands = institution.brands.map((b) => newBrand(b.name, b.authorisationServerId));
  return {
    brands: brands.length > 0 ? brands : [newBrand(institution.tradeName ?? "")],
    // Stored as plain strings by the API; the picker only offers known families.
    apiFamilies: institution.apiFamilies as ApiFamily[],
  };
}

export function validateProfile(form: ProfileForm): FieldErrors {
  const errors: FieldErrors = {};
  if (form.brands.length === 0) errors.brands = "brandsRequired";
  const seen = new Set<string>();
  form.brands.forEach((brand, i) => {
    if (!brand.name.trim()) errors[`brands.${i}.name`] = "required";
    const server = brand.authorisationServerId.trim().toLowerCase();
    if (!server) errors[`brands.${i}.authorisationServerId`] = "required";
    else if (!isUuid(server)) errors[`brands.${i}.authorisationServerId`] = "uuid";
    else if (seen.has(server)) errors[`brands.${i}.authorisationServerId`] = "duplicateServer";
    seen.add(server);
  });
  if (form.apiFamilies.length === 0) errors.apiFamilies = "familiesRequired";
  return errors;
}

export function profileData(form: ProfileForm): StepData<"profile"> {
  return {
    brands: form.brands.map((b) => ({ name: b.name.trim(), authorisationServerId: b.authorisationServerId.trim().toLowerCase() })),
    apiFamilies: form.apiFamilies,
  };
}
