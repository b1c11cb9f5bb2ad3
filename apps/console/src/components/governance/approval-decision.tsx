"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { Approval } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";
import { ReasonDialog } from "../ui/reason-dialog";
import { useGovernanceRefresh } from "./use-governance-refresh";

/** Approve or reject a pending four-eyes request; the requester only sees that it waits for someone else. */
export function ApprovalDecision({ approval }: { approval: Approval }) {
  const t = useTranslations("approvals");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const refresh = useGovernanceRefresh();
  const [deciding, setDeciding] = useState<"approve" | "reject" | null>(null);
  const decide = useMutation(
    trpc.approvals.decide.mutationOptions({
      onSuccess: async () => {
        setDeciding(null);
        await refresh();
      },
    }),
  );
  if (approval.mine) {
    return (
      <p className="text-sm text-slate-600" data-testid="waiting-for-other">
        {t("waitingForOther")}
      </p>
    );
  }
  const action = t(`actions.${approval.action}`);
  const institution = approval.institution.legalName;
  return (
    <div className="flex justify-end gap-2">
      <Button variant="primary" onClick={() => setDeciding("approve")} aria-label={t("approveNamed", { action, institution })}>
        {t("approve")}
      </Button>
      <Button variant="dangerGhost" onClick={() => setDeciding("reject")} aria-label={t("rejectNamed", { action, institution })}>
        {t("reject")}
      </Button>
      <ReasonDialog
        open={deciding !== null}
        title={t(deciding === "reject" ? "rejectTitle" : "approveTitle", { action, institution })}
        label={t("note")}
        hint={t("noteHint")}
        confirmLabel={deciding === "reject" ? t("reject") : t("approve")}
        variant={deciding === "reject" ? "danger" : "primary"}
        pending={decide.isPending}
        error={decide.isError ? errorMessage(decide.error, { FORBIDDEN: t("ownRequest") }) : null}
        onCancel={() => {
          setDeciding(null);
          decide.reset();
        }}
        onConfirm={(note) => deciding && decide.mutate({ approvalId: approval.id, decision: deciding, note: note || undefined })}
      >
        <p>{t(`effects.${approval.action}`)}</p>
        <p className="mt-2">
          <span className="font-medium text-slate-800">{t("reasonGiven")}</span> {approval.reason}
        </p>
      </ReasonDialog>
    </div>
  );
}
