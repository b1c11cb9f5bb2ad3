"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { can } from "@/lib/permissions";
import { useCurrentMe } from "./me-context";
import { MemberNavGroup } from "./member-nav-group";
import { NavLink } from "./nav-link";
import { NavList } from "./nav-list";

/** Opus staff see the fleet; customer members see each of their institutions' sections. */
export function SideNav() {
  const t = useTranslations("shell.nav");
  const me = useCurrentMe();
  const opusHeading = useId();
  return (
    <nav aria-label={t("label")} className="w-60 shrink-0 space-y-5 border-r border-slate-200 bg-white px-3 py-4">
      {me.staffRole ? (
        <NavList heading={t("opus")} headingId={opusHeading}>
          {can(me, "fleet.read") ? (
            <li>
              <NavLink href="/institutions">{t("institutions")}</NavLink>
            </li>
          ) : null}
          {can(me, "audit.read-all") ? (
            <li>
              <NavLink href="/audit">{t("audit")}</NavLink>
            </li>
          ) : null}
        </NavList>
      ) : (
        me.memberships.map((m) => <MemberNavGroup key={m.institution.id} institutionId={m.institution.id} name={m.institution.legalName} />)
      )}
    </nav>
  );
}
