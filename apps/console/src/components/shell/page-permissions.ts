// Which permission opens which page. The side navigation offers only what a person may open, and
// the shell answers "not available to you" for the rest, from this one list.

import type { Permission } from "@/lib/permissions";
import { INSTITUTION_SECTIONS } from "../institutions/institution-sections";

// Opus staff's pages, in the order of a working day: what needs attention first.
export const STAFF_PAGES = [
  { key: "dashboard", href: "/dashboard", permission: "fleet.read" },
  { key: "institutions", href: "/institutions", permission: "fleet.read" },
  { key: "health", href: "/health", permission: "fleet.read" },
  { key: "notifications", href: "/notifications", permission: "fleet.read" },
  { key: "approvals", href: "/approvals", permission: "institution.govern" },
  { key: "signups", href: "/signups", permission: "institution.review" },
  { key: "billing", href: "/billing", permission: "billing.read" },
  { key: "plans", href: "/plans", permission: "plans.manage" },
  { key: "releases", href: "/releases", permission: "releases.read" },
  { key: "rollouts", href: "/rollouts", permission: "releases.read" },
  { key: "versions", href: "/versions", permission: "releases.read" },
  { key: "audit", href: "/audit", permission: "audit.read-all" },
] as const satisfies readonly { key: string; href: string; permission: Permission }[];

export type PageRequirement = { permission: Permission; institutionId?: string };

/**
 * What opening `pathname` needs: a staff page's permission, or an institution section's permission
 * on that institution (its runs and environments need what its environments tab needs). Null for
 * pages anyone signed in may open.
 */
export function pageRequirement(pathname: string): PageRequirement | null {
  // An institution's own pages first: they live under the staff list's /institutions, but a
  // member opens them with a permission on that institution, not the fleet's.
  const match = /^\/institutions\/([^/]+)(?:\/([^/]+))?/.exec(pathname);
  if (!match?.[1]) {
    // A staff page and what lives under it (a rollout's own page).
    const staff = STAFF_PAGES.find((page) => pathname === page.href || pathname.startsWith(`${page.href}/`));
    return staff ? { permission: staff.permission } : null;
  }
  const segment = match[2] === "operations" ? "environments" : (match[2] ?? "");
  const section = INSTITUTION_SECTIONS.find((s) => s.segment === segment);
  return { permission: section?.permission ?? "institution.read", institutionId: decodeURIComponent(match[1]) };
}
