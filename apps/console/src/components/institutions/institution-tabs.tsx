"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { InstitutionStatus } from "@/lib/router-types";
import { useInstitutionSections } from "./use-institution-sections";

export function InstitutionTabs({ institutionId, status }: { institutionId: string; status: InstitutionStatus }) {
  const t = useTranslations("institution");
  const pathname = usePathname();
  const sections = useInstitutionSections(institutionId, status);
  return (
    <nav aria-label={t("sectionsLabel")} className="mt-4 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {sections.map(({ section, href }) => {
          const active = section.segment === "" ? pathname === href : pathname.startsWith(href);
          return (
            <li key={section.key}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
              >
                {t(`sections.${section.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
