// The sections of an institution (tabs on its pages, links in a member's navigation). Add an entry
// here, a page under app/(console)/institutions/[id]/<segment>, and a label under
// "institution.sections" in both catalogues.
import type { Permission } from "@/lib/permissions";

export const INSTITUTION_SECTIONS = [
  { key: "overview", segment: "", permission: "institution.read" },
  { key: "members", segment: "members", permission: "members.read" },
  { key: "audit", segment: "audit", permission: "audit.read" },
] as const satisfies readonly { key: string; segment: string; permission: Permission }[];

export type InstitutionSection = (typeof INSTITUTION_SECTIONS)[number];

export function sectionHref(institutionId: string, section: InstitutionSection): string {
  return section.segment ? `/institutions/${institutionId}/${section.segment}` : `/institutions/${institutionId}`;
}
