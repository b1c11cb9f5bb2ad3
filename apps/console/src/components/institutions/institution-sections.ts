// The sections of an institution (tabs on its pages, links in a member's navigation). Add an entry
// here, a page under app/(console)/institutions/[id]/<segment>, and a label under
// "institution.sections" in both catalogues. `shownWhen` limits a section to some statuses.
import { canEditOnboarding } from "@opus/rules/onboarding";
import type { Permission } from "@/lib/permissions";
import type { InstitutionStatus } from "@/lib/router-types";

type SectionSpec = { key: string; segment: string; permission: Permission; shownWhen?: (status: InstitutionStatus) => boolean };

export const INSTITUTION_SECTIONS = [
  { key: "overview", segment: "", permission: "institution.read" },
  { key: "onboarding", segment: "onboarding", permission: "institution.update", shownWhen: canEditOnboarding },
  // The environments come with the institution (institutions.get), hence institution.read.
  { key: "environments", segment: "environments", permission: "institution.read" },
  { key: "certificates", segment: "certificates", permission: "certificates.read" },
  { key: "usage", segment: "usage", permission: "usage.read" },
  { key: "health", segment: "health", permission: "health.read" },
  { key: "notifications", segment: "notifications", permission: "health.read" },
  { key: "goLive", segment: "go-live", permission: "go-live.read" },
  { key: "apiKeys", segment: "api-keys", permission: "api-keys.read" },
  { key: "members", segment: "members", permission: "members.read" },
  { key: "audit", segment: "audit", permission: "audit.read" },
] as const satisfies readonly SectionSpec[];

export type InstitutionSection = (typeof INSTITUTION_SECTIONS)[number];

export function sectionHref(institutionId: string, section: InstitutionSection): string {
  return section.segment ? `/institutions/${institutionId}/${section.segment}` : `/institutions/${institutionId}`;
}

export function sectionShown(section: InstitutionSection, status: InstitutionStatus | undefined): boolean {
  const shownWhen: SectionSpec["shownWhen"] = "shownWhen" in section ? section.shownWhen : undefined;
  return !shownWhen || (status !== undefined && shownWhen(status));
}
