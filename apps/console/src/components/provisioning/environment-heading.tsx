"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { EnvironmentStatusBadge } from "../institutions/environment-status-badge";
import type { EnvironmentRow } from "./provisioning-types";

/** The environment's name and status, with the way back to the institution's environments. */
export function EnvironmentHeading({ institutionId, environment }: { institutionId: string; environment: EnvironmentRow }) {
  const t = useTranslations();
  return (
    <div className="space-y-1">
      <Link href={`/institutions/${institutionId}/environments`} className="text-sm text-slate-500 hover:text-slate-800 hover:underline">
        <span aria-hidden="true">← </span>
        {t("Provisioning.environment.back")}
      </Link>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <h2 className="text-lg font-semibold tracking-tight text-slate-900">
          {t("Provisioning.environment.title", { kind: t(`enums.environmentKind.${environment.kind}`) })}
        </h2>
        <EnvironmentStatusBadge status={environment.status} />
        <span className="font-mono text-xs text-slate-500">{environment.stackName}</span>
      </div>
    </div>
  );
}
