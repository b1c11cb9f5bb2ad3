"use client";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useInstitutionSections } from "../institutions/use-institution-sections";
import { NavLink } from "./nav-link";
import { NavList } from "./nav-list";

export function MemberNavGroup({ institutionId, name }: { institutionId: string; name: string }) {
  const t = useTranslations("institution.sections");
  const headingId = useId();
  const sections = useInstitutionSections(institutionId);
  return (
    <NavList heading={name} headingId={headingId}>
      {sections.map(({ section, href }) => (
        <li key={section.key}>
          <NavLink href={href} exact={section.segment === ""}>
            {t(section.key)}
          </NavLink>
        </li>
      ))}
    </NavList>
  );
}
