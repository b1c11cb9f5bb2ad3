import type { InstitutionDetail, WizardStep } from "@/lib/router-types";

/** Whether the draft holds what submission needs for each step (the API checks the same). */
export function stepComplete(institution: InstitutionDetail, step: WizardStep): boolean {
  const i = institution;
  switch (step) {
    case "identity":
      return Boolean(i.cnpj && i.organisationId && i.roles.length > 0);
    case "profile":
      return i.brands.length > 0 && i.apiFamilies.length > 0;
    case "contacts":
      return i.contacts.length >= 2;
    case "deployment":
      return (
        i.deploymentMode === "SELF_MANAGED" ||
        (i.deploymentMode === "SAAS" && Boolean(i.region)) ||
        (i.deploymentMode === "MANAGED" && i.managedAccount !== null)
      );
    case "environments": {
      const kinds = i.environments.map((e) => e.kind);
      return i.plan !== null && kinds.includes("HOMOLOGATION") && kinds.includes("PRODUCTION");
    }
  }
}
