"use client";
import { WIZARD_STEPS } from "@opus/rules/onboarding";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { InstitutionDetail } from "@/lib/router-types";
import { stepComplete } from "./step-completion";
import { WIZARD_PAGES, type WizardPage, wizardHref } from "./wizard-pages";

/** The wizard's pages in order: done, current, still to do. Every page can be opened. */
export function WizardStepper({ institution, current }: { institution: InstitutionDetail; current: WizardPage }) {
  const t = useTranslations("onboarding");
  return (
    <nav aria-label={t("stepsLabel")} className="mb-5">
      <ol className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
        {WIZARD_PAGES.map((page, index) => {
          const done = page !== "review" && stepComplete(institution, page);
          const active = page === current;
          const title = page === "review" ? t("review.short") : t(`steps.${page}.short`);
          return (
            <li key={page}>
              <Link
                href={wizardHref(institution.id, page)}
                aria-current={active ? "step" : undefined}
                className={`flex h-full items-center gap-2 rounded-md border px-2.5 py-2 text-sm ${active ? "border-brand-500 bg-brand-50 font-semibold text-brand-800" : "border-slate-200 bg-white text-slate-700 hover:border-slate-300"}`}
              >
                <span
                  aria-hidden="true"
                  className={`grid size-6 shrink-0 place-items-center rounded-full text-xs font-semibold ${done ? "bg-emerald-600 text-white" : active ? "bg-brand-600 text-white" : "bg-slate-100 text-slate-600"}`}
                >
                  {done ? "✓" : index + 1}
                </span>
                <span className="min-w-0">
                  <span className="block truncate">{title}</span>
                  <span className="block text-[11px] font-normal text-slate-600">
                    {page === "review" ? t("stepState.final") : done ? t("stepState.done") : t("stepState.todo")}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
      <p className="mt-2 text-xs text-slate-500">
        {t("progress", { done: WIZARD_STEPS.filter((s) => stepComplete(institution, s)).length, total: WIZARD_STEPS.length })}
      </p>
    </nav>
  );
}
