"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

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
    <nav aria-label={t("label")} className="border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-1">
        {SECTIONS.map((section) => {
          const active = pathname === section.href;
          return (
            <li key={section.key}>
              <Link
                href={section.href}
                aria-current={active ? "page" : undefined}
                className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${active ? "border-brand-600 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
              >
                {t(section.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
