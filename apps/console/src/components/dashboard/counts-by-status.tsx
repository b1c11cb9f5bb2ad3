"use client";
import { INSTITUTION_STATUSES } from "@opus/rules/enums";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { Dashboard } from "@/lib/router-types";
import { InstitutionStatusBadge } from "../institutions/institution-status-badge";
import { Card } from "../ui/card";

/** Every status with its count; each row opens the list filtered on it. */
export function CountsByStatus({ counts }: { counts: Dashboard["institutionsByStatus"] }) {
  const t = useTranslations("dashboard");
  const format = useFormatter();
  return (
    <Card title={t("byStatus")}>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="counts-by-status">
        {INSTITUTION_STATUSES.map((status) => (
          <li key={status}>
            <Link href={`/institutions?status=${status}`} className="flex items-center justify-between py-1.5 hover:bg-slate-50">
              <InstitutionStatusBadge status={status} />
              <span className="font-semibold text-slate-900 tabular-nums">{format.number(counts[status] ?? 0)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
