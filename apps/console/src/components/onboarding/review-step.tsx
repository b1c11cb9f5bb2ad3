"use client";
import { WIZARD_STEPS } from "@opus/rules/onboarding";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorFieldMap } from "@/lib/app-error";
import type { InstitutionDetail, WizardStep } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ReviewContacts } from "./review-contacts";
import { ReviewDeployment } from "./review-deployment";
import { ReviewEnvironments } from "./review-environments";
import { ReviewIdentity } from "./review-identity";
import { ReviewProfile } from "./review-profile";
import { ReviewSection } from "./review-section";
import { stepComplete } from "./step-completion";
import { SubmitErrors } from "./submit-errors";

const SECTIONS = {
  identity: ReviewIdentity,
  profile: ReviewProfile,
  contacts: ReviewContacts,
  deployment: ReviewDeployment,
  environments: ReviewEnvironments,
} as const;

/** Everything the institution entered, then submission to Opus for review. */
export function ReviewStep({ institution, onBack }: { institution: InstitutionDetail; onBack: () => void }) {
  const t = useTranslations("onboarding");
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const institutionId = institution.id;
  const submit = useMutation(
    trpc.institutions.submit.mutationOptions({
      onSuccess: async () => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.institutions.get.queryKey({ institutionId }) }),
          queryClient.invalidateQueries({ queryKey: trpc.me.get.queryKey() }),
        ]);
        router.push(`/institutions/${institutionId}`);
      },
    }),
  );
  const missing = submit.isError
    ? Object.keys(appErrorFieldMap(submit.error)).filter((k): k is WizardStep => WIZARD_STEPS.some((s) => s === k))
    : [];

  return (
    <div className="space-y-4">
      <header>
        <h2 className="text-base font-semibold text-slate-900">{t("review.title")}</h2>
        <p className="text-sm text-slate-600">{t("review.description")}</p>
      </header>
      {WIZARD_STEPS.map((step) => {
        const Section = SECTIONS[step];
        const complete = stepComplete(institution, step);
        return (
          <ReviewSection key={step} institutionId={institutionId} step={step} complete={complete}>
            <Section institution={institution} />
          </ReviewSection>
        );
      })}
      {missing.length > 0 ? (
        <SubmitErrors institutionId={institutionId} steps={missing} />
      ) : submit.isError ? (
        <Alert tone="error">{errorMessage(submit.error, { INVALID_TRANSITION: t("notEditable") })}</Alert>
      ) : null}
      <div className="flex items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-5 py-3 shadow-sm">
        <Button onClick={onBack} disabled={submit.isPending}>
          {t("back")}
        </Button>
        <div className="flex items-center gap-3">
          <span className="text-xs text-slate-500">{t("review.submitNote")}</span>
          <Button variant="primary" pending={submit.isPending || submit.isSuccess} onClick={() => submit.mutate({ institutionId })}>
            {t("review.submit")}
          </Button>
        </div>
      </div>
    </div>
  );
}
