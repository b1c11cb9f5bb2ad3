"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { can, type Permission } from "@/lib/permissions";
import { useCurrentMe } from "./me-context";
import { MemberNavGroup } from "./member-nav-group";
import { NavLink } from "./nav-link";
import { NavList } from "./nav-list";

// Opus staff's pages, in the order of a working day: what needs attention first.
const STAFF_LINKS = [
  { key: "dashboard", href: "/dashboard", permission: "fleet.read" },
  { key: "institutions", href: "/institutions", permission: "fleet.read" },
  { key: "health", href: "/health", permission: "fleet.read" },
  { key: "approvals", href: "/approvals", permission: "institution.govern" },
  { key: "signups", href: "/signups", permission: "institution.review" },
  { key: "billing", href: "/billing", permission: "billing.read" },
  { key: "plans", href: "/plans", permission: "plans.manage" },
  { key: "releases", href: "/releases", permission: "releases.read" },
  { key: "rollouts", href: "/rollouts", permission: "releases.read" },
  { key: "versions", href: "/versions", permission: "releases.read" },
  { key: "audit", href: "/audit", permission: "audit.read-all" },
] as const satisfies readonly { key: string; href: string; permission: Permission }[];

/** Opus staff see the fleet; customer members see each of their institutions' sections. */
export function SideNav() {
  const t = useTranslations("shell.nav");
  const me = useCurrentMe();
  const opusHeading = useId();
  return (
    <nav aria-label={t("label")} className="w-60 shrink-0 space-y-5 border-r border-slate-200 bg-white px-3 py-4">
      {me.staffRole ? (
        <NavList heading={t("opus")} headingId={opusHeading}>
          {STAFF_LINKS.filter((link) => can(me, link.permission)).map((link) => (
            <li key={link.href}>
              <NavLink href={link.href}>{t(link.key)}</NavLink>
            </li>
          ))}
        </NavList>
      ) : (
        me.memberships.map((m) => <MemberNavGroup key={m.institution.id} institutionId={m.institution.id} name={m.institution.legalName} />)
      )}
    </nav>
  );
}
