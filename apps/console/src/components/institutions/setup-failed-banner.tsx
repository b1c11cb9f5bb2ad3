"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";

/** For Opus staff: an approved institution none of whose environments came up, and what to do next. */
export function SetupFailedBanner({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations("institution.setupFailed");
  if (!institution.setupFailed) return null;
  return (
    <section
      aria-labelledby="setup-failed-title"
      className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900"
      data-testid="setup-failed"
    >
      <h2 id="setup-failed-title" className="font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1">{t("body")}</p>
      <Link href={`/institutions/${institution.id}/environments`} className="mt-2 inline-block font-medium underline">
        {t("link")}
      </Link>
    </section>
  );
}
