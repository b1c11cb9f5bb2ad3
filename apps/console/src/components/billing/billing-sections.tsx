"use client";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { TabNav } from "../ui/tab-nav";

const SECTIONS = [
  { key: "reports", href: "/billing" },
  { key: "prices", href: "/billing/prices" },
  { key: "meters", href: "/billing/meters" },
] as const;

/** Opus billing's three pages: the month's reports, what plans cost, and what is metered. */
export function BillingSections() {
  const t = useTranslations("billingSections");
  const pathname = usePathname();
  return (
    <TabNav label={t("label")} tabs={SECTIONS.map((s) => ({ key: s.key, href: s.href, label: t(s.key), active: pathname === s.href }))} />
  );
}
