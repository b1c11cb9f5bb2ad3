"use client";
import { requestableActions } from "@opus/rules/approval-applicability";
import { APPROVAL_ACTIONS, DEPLOYMENT_MODES } from "@opus/rules/enums";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { ApprovalAction, DeploymentMode, InstitutionDetail } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { SelectField } from "../ui/select-field";
import { TextAreaField } from "../ui/text-area-field";
import { useGovernanceRefresh } from "./use-governance-refresh";

/** Asks for a sensitive change; nothing happens until another Opus person approves it. */
export function RequestChangeForm({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const refresh = useGovernanceRefresh();
  const actions = requestableActions(institution.status);
  const modes = DEPLOYMENT_MODES.filter((m) => m !== institution.deploymentMode);
  const [action, setAction] = useState<ApprovalAction | "">("");
  const [mode, setMode] = useState<DeploymentMode | "">("");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState<{ action?: boolean; mode?: boolean; reason?: boolean }>({});
  const request = useMutation(
    trpc.institutions.requestChange.mutationOptions({
      onSuccess: async () => {
        setAction("");
        setMode("");
        setReason("");
        await refresh();
      },
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problems = { action: !action, mode: action === "CHANGE_MODE" && !mode, reason: !reason.trim() };
    setMissing(problems);
    if (!action || problems.mode || problems.reason) return;
    request.mutate({
      institutionId: institution.id,
      action,
      reason: reason.trim(),
      deploymentMode: action === "CHANGE_MODE" && mode ? mode : undefined,
    });
  }

  const required = t("common.required");
  const refusal = (requested: ApprovalAction) => {
    const why = t(`approvals.request.refused.${requested}`);
    return { PRECONDITION_FAILED: why, INVALID_TRANSITION: why };
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3" aria-labelledby="request-change">
      <h3 id="request-change" className="text-sm font-semibold text-slate-900">
        {t("approvals.request.title")}
      </h3>
      <p className="text-xs text-slate-500">{t("approvals.request.help")}</p>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <SelectField
          label={t("approvals.request.action")}
          value={action}
          onChange={(e) => {
            setAction(APPROVAL_ACTIONS.find((a) => a === e.target.value) ?? "");
            request.reset();
          }}
          error={missing.action ? required : null}
          hint={action ? t(`approvals.effects.${action}`) : undefined}
          options={[
            { value: "", label: t("approvals.request.choose") },
            ...actions.map((a) => ({ value: a, label: t(`approvals.actions.${a}`) })),
          ]}
        />
        {action === "CHANGE_MODE" ? (
          <SelectField
            label={t("approvals.request.mode")}
            value={mode}
            onChange={(e) => setMode(DEPLOYMENT_MODES.find((m) => m === e.target.value) ?? "")}
            error={missing.mode ? required : null}
            options={[
              { value: "", label: t("approvals.request.choose") },
              ...modes.map((m) => ({ value: m, label: t(`enums.deploymentMode.${m}`) })),
            ]}
          />
        ) : null}
      </div>
      <TextAreaField
        label={t("approvals.request.reason")}
        hint={t("approvals.request.reasonHint")}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={missing.reason ? required : null}
        rows={2}
        maxLength={TEXT_LIMITS.reason}
      />
      {request.isError ? (
        <Alert tone="error">
          {errorMessage(request.error, {
            CONFLICT: t("approvals.request.alreadyPending"),
            ...(request.variables ? refusal(request.variables.action) : {}),
          })}
        </Alert>
      ) : null}
      {request.isSuccess ? <Alert tone="success">{t("approvals.request.sent")}</Alert> : null}
      <Button type="submit" variant="primary" pending={request.isPending}>
        {t("approvals.request.submit")}
      </Button>
    </form>
  );
}
