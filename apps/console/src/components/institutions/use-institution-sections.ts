"use client";
import { can } from "@/lib/permissions";
import type { InstitutionStatus } from "@/lib/router-types";
import { useCurrentMe } from "../shell/me-context";
import { INSTITUTION_SECTIONS, type InstitutionSection, sectionHref, sectionShown } from "./institution-sections";

/** The sections this person may open for one institution in its current status, with their links. */
export function useInstitutionSections(institutionId: string, status?: InstitutionStatus): { section: InstitutionSection; href: string }[] {
  const me = useCurrentMe();
  const known = status ?? me.memberships.find((m) => m.institution.id === institutionId)?.institution.status;
  return INSTITUTION_SECTIONS.filter((section) => can(me, section.permission, institutionId) && sectionShown(section, known)).map(
    (section) => ({ section, href: sectionHref(institutionId, section) }),
  );
}
