"use client";
import { DEPLOYMENT_MODES } from "@opus/rules/enums";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import type { Dashboard } from "@/lib/router-types";
import { Card } from "../ui/card";

/** How the fleet runs: SaaS, managed, self-managed, and drafts that have not chosen yet. */
export function CountsByMode({ counts }: { counts: Dashboard["institutionsByMode"] }) {
  const t = useTranslations();
  const format = useFormatter();
  return (
    <Card title={t("dashboard.byMode")}>
      <ul className="divide-y divide-slate-100 text-sm" data-testid="counts-by-mode">
        {DEPLOYMENT_MODES.map((mode) => (
          <li key={mode}>
            <Link href={`/institutions?mode=${mode}`} className="flex items-center justify-between py-1.5 hover:bg-slate-50">
              <span className="text-slate-800">{t(`enums.deploymentMode.${mode}`)}</span>
              <span className="font-semibold text-slate-900 tabular-nums">{format.number(counts[mode] ?? 0)}</span>
            </Link>
          </li>
        ))}
        <li className="flex items-center justify-between py-1.5">
          <span className="text-slate-500">{t("dashboard.modeNotChosen")}</span>
          <span className="font-semibold text-slate-500 tabular-nums">{format.number(counts.UNSET ?? 0)}</span>
        </li>
      </ul>
    </Card>
  );
}
