"use client";
import Link from "next/link";

export type Tab = { key: string; href: string; label: string; active: boolean };

/** A row of page tabs: links, the current one marked for assistive technology (aria-current). */
export function TabNav({ label, tabs, className = "" }: { label: string; tabs: readonly Tab[]; className?: string }) {
  return (
    <nav aria-label={label} className={`border-b border-slate-200 ${className}`}>
      <ul className="-mb-px flex flex-wrap gap-1">
        {tabs.map((tab) => (
          <li key={tab.key}>
            <Link
              href={tab.href}
              aria-current={tab.active ? "page" : undefined}
              className={`inline-block border-b-2 px-3 py-2 text-sm font-medium ${tab.active ? "border-brand-600 text-brand-800" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900"}`}
            >
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
