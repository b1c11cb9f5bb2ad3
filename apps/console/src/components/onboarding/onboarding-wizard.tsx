"use client";
import { canEditOnboarding } from "@opus/rules/onboarding";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { can } from "@/lib/permissions";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { PageLoading } from "../ui/page-loading";
import { QueryError } from "../ui/query-error";
import { ContactsStep } from "./contacts-step";
import { DeploymentStep } from "./deployment-step";
import { EnvironmentsStep } from "./environments-step";
import { IdentityStep } from "./identity-step";
import { ProfileStep } from "./profile-step";
import { ReviewStep } from "./review-step";
import type { StepProps } from "./step-props";
import { type StepDrafts, StepDraftsContext } from "./use-step-draft";
import { adjacentPage, isWizardPage, resumePage, type WizardPage, wizardHref } from "./wizard-pages";
import { WizardStepper } from "./wizard-stepper";

const STEPS = {
  identity: IdentityStep,
  profile: ProfileStep,
  contacts: ContactsStep,
  deployment: DeploymentStep,
  environments: EnvironmentsStep,
} as const;

/** The customer admin's onboarding: five saved steps, a review, then submission to Opus. */
export function OnboardingWizard({ institutionId }: { institutionId: string }) {
  const t = useTranslations("onboarding");
  const trpc = useTRPC();
  const router = useRouter();
  const me = useCurrentMe();
  const params = useSearchParams();
  const institution = useQuery(trpc.institutions.get.queryOptions({ institutionId }));
  const [drafts] = useState<StepDrafts>(() => new Map());

  if (institution.isError) return <QueryError error={institution.error} onRetry={() => void institution.refetch()} />;
  if (!institution.data) return <PageLoading />;
  const data = institution.data;
  const overview = (
    <Link href={`/institutions/${institutionId}`} className="font-medium underline">
      {t("toOverview")}
    </Link>
  );
  if (!can(me, "institution.update", institutionId)) return <Alert tone="info">{t("adminsOnly")}</Alert>;
  if (!canEditOnboarding(data.status)) {
    return (
      <Alert tone="info">
        {t("alreadySubmitted")} {overview}
      </Alert>
    );
  }

  const requested = params.get("step");
  const page: WizardPage = isWizardPage(requested) ? requested : resumePage(data.wizardStep);
  const go = (target: WizardPage | null) => {
    if (!target) return;
    router.push(wizardHref(institutionId, target));
    window.scrollTo({ top: 0 });
  };
  const previous = adjacentPage(page, -1);
  const props: StepProps = { institution: data, onBack: previous ? () => go(previous) : null, onSaved: () => go(adjacentPage(page, 1)) };
  const Step = page === "review" ? null : STEPS[page];

  return (
    <div>
      <div className="mb-4">
        <h2 className="text-lg font-semibold text-slate-900">{t("title")}</h2>
        <p className="text-sm text-slate-600">{t("description")}</p>
      </div>
      {data.rejectionReason ? (
        <Alert tone="warning" className="mb-4">
          <p className="font-medium">{t("rejected")}</p>
          <p className="mt-0.5 whitespace-pre-line">{data.rejectionReason}</p>
        </Alert>
      ) : null}
      <WizardStepper institution={data} current={page} />
      <StepDraftsContext.Provider value={drafts}>
        {Step ? <Step key={page} {...props} /> : <ReviewStep institution={data} onBack={() => go(previous)} />}
      </StepDraftsContext.Provider>
    </div>
  );
}
