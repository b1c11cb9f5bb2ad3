"use client";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";

/** Open Finance Brasil role codes as compact chips; the full name is in the tooltip and for screen readers. */
export function RegulatoryRoles({ roles }: { roles: InstitutionDetail["roles"] }) {
  const t = useTranslations("enums.regulatoryRole");
  return (
    <ul className="flex flex-wrap gap-1">
      {roles.map((role) => (
        <li
          key={role}
          title={t(role)}
          aria-label={t(role)}
          className="rounded border border-slate-200 bg-slate-50 px-1.5 py-0.5 font-mono text-[11px] text-slate-700"
        >
          {role}
        </li>
      ))}
    </ul>
  );
}
