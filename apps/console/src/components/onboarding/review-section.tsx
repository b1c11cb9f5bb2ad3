"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { WizardStep } from "@/lib/router-types";
import { Card } from "../ui/card";
import { wizardHref } from "./wizard-pages";

type Props = { institutionId: string; step: WizardStep; complete: boolean; children: ReactNode };

/** What one step holds, with a link back to change it. */
export function ReviewSection({ institutionId, step, complete, children }: Props) {
  const t = useTranslations("onboarding");
  const title = t(`steps.${step}.title`);
  return (
    <Card
      title={title}
      actions={
        <Link
          href={wizardHref(institutionId, step)}
          className="text-sm font-medium text-brand-700 hover:underline"
          aria-label={t("review.editNamed", { step: title })}
        >
          {t("review.edit")}
        </Link>
      }
    >
      {complete ? children : <p className="text-sm text-amber-800">{t("review.notFilled")}</p>}
    </Card>
  );
}
