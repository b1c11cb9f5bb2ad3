"use client";
import { WIZARD_STEPS } from "@opus/rules/onboarding";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { WizardStep } from "@/lib/router-types";
import { Alert } from "../ui/alert";
import { wizardHref } from "./wizard-pages";

/** Submission refused: the steps still incomplete, each a link to the step. */
export function SubmitErrors({ institutionId, steps }: { institutionId: string; steps: readonly WizardStep[] }) {
  const t = useTranslations("onboarding");
  return (
    <Alert tone="error">
      <p className="font-medium">{t("review.incomplete")}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {WIZARD_STEPS.filter((step) => steps.includes(step)).map((step) => (
          <li key={step}>
            <Link href={wizardHref(institutionId, step)} className="font-medium underline">
              {t(`steps.${step}.title`)}
            </Link>
            {": "}
            {t(`review.missing.${step}`)}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
