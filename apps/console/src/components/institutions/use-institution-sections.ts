"use client";
import { can } from "@/lib/permissions";
import { useCurrentMe } from "../shell/me-context";
import { INSTITUTION_SECTIONS, type InstitutionSection, sectionHref } from "./institution-sections";

/** The sections this person may open for one institution, with their links. */
export function useInstitutionSections(institutionId: string): { section: InstitutionSection; href: string }[] {
  const me = useCurrentMe();
  return INSTITUTION_SECTIONS.filter((section) => can(me, section.permission, institutionId)).map((section) => ({
    section,
    href: sectionHref(institutionId, section),
  }));
}
