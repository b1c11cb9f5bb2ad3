"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { can } from "@/lib/permissions";
import { useCurrentMe } from "./me-context";
import { MemberNavGroup } from "./member-nav-group";
import { NavLink } from "./nav-link";
import { NavList } from "./nav-list";
import { STAFF_PAGES } from "./page-permissions";

export const SIDE_NAV_ID = "side-nav";

/**
 * Opus staff see the fleet; customer members see each of their institutions' sections. A column
 * from the lg breakpoint up; below it, a panel under the top bar that its menu button opens.
 */
export function SideNav({ open }: { open: boolean }) {
  const t = useTranslations("shell.nav");
  const me = useCurrentMe();
  const opusHeading = useId();
  return (
    <nav
      id={SIDE_NAV_ID}
      aria-label={t("label")}
      className={`${open ? "block" : "hidden"} absolute inset-x-0 top-14 z-30 max-h-[calc(100vh-3.5rem)] space-y-5 overflow-y-auto border-b border-slate-200 bg-white px-3 py-4 shadow-lg lg:static lg:block lg:max-h-none lg:w-60 lg:shrink-0 lg:border-r lg:border-b-0 lg:shadow-none`}
    >
      {me.staffRole ? (
        <NavList heading={t("opus")} headingId={opusHeading}>
          {STAFF_PAGES.filter((link) => can(me, link.permission)).map((link) => (
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
