"use client";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import type { InstitutionStatus } from "@/lib/router-types";
import { TabNav } from "../ui/tab-nav";
import { useInstitutionSections } from "./use-institution-sections";

export function InstitutionTabs({ institutionId, status }: { institutionId: string; status: InstitutionStatus }) {
  const t = useTranslations("institution");
  const pathname = usePathname();
  const sections = useInstitutionSections(institutionId, status);
  return (
    <TabNav
      label={t("sectionsLabel")}
      className="mt-4"
      tabs={sections.map(({ section, href }) => ({
        key: section.key,
        href,
        label: t(`sections.${section.key}`),
        active: section.segment === "" ? pathname === href : pathname.startsWith(href),
      }))}
    />
  );
}
