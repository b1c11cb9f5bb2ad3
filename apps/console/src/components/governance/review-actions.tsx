"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { InstitutionDetail } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ReasonDialog } from "../ui/reason-dialog";
import { useGovernanceRefresh } from "./use-governance-refresh";

/** An operator decides a submitted onboarding request; a rejection says why (the institution reads it). */
export function ReviewActions({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations("review");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const refresh = useGovernanceRefresh();
  const [open, setOpen] = useState<"approve" | "reject" | null>(null);
  const review = useMutation(
    trpc.institutions.review.mutationOptions({
      onSuccess: async () => {
        setOpen(null);
        await refresh();
      },
    }),
  );
  const failure = review.isError ? errorMessage(review.error) : null;
  return (
    <section aria-labelledby="review-heading" className="space-y-2">
      <h3 id="review-heading" className="text-sm font-semibold text-slate-900">
        {t("title")}
      </h3>
      <p className="text-sm text-slate-600">{t("help")}</p>
      {failure && open === null ? <Alert tone="error">{failure}</Alert> : null}
      <div className="flex gap-2">
        <Button variant="primary" onClick={() => setOpen("approve")}>
          {t("approve")}
        </Button>
        <Button variant="dangerGhost" onClick={() => setOpen("reject")}>
          {t("reject")}
        </Button>
      </div>
      <ConfirmDialog
        open={open === "approve"}
        title={t("approveTitle", { name: institution.legalName })}
        confirmLabel={t("approve")}
        variant="primary"
        pending={review.isPending}
        onCancel={() => setOpen(null)}
        onConfirm={() => review.mutate({ institutionId: institution.id, decision: "approve" })}
      >
        {institution.deploymentMode ? t(`approveBody.${institution.deploymentMode}`) : null}
        {failure ? <span className="mt-2 block text-red-700">{failure}</span> : null}
      </ConfirmDialog>
      <ReasonDialog
        open={open === "reject"}
        title={t("rejectTitle", { name: institution.legalName })}
        label={t("reason")}
        hint={t("reasonHint")}
        required
        confirmLabel={t("reject")}
        variant="danger"
        pending={review.isPending}
        error={failure}
        onCancel={() => setOpen(null)}
        onConfirm={(reason) => review.mutate({ institutionId: institution.id, decision: "reject", reason })}
      />
    </section>
  );
}
