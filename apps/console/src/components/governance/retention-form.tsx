"use client";
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { InstitutionDetail } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";
import { TextField } from "../ui/text-field";
import { useGovernanceRefresh } from "./use-governance-refresh";

const MAX_DAYS = 3650;

/** How long Opus keeps the data after offboarding starts (destruction is refused before that). */
export function RetentionForm({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations("institution.actions");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const refresh = useGovernanceRefresh();
  const [days, setDays] = useState(String(institution.retentionDays));
  const [invalid, setInvalid] = useState(false);
  const save = useMutation(trpc.institutions.setRetention.mutationOptions({ onSuccess: refresh }));

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = Number(days);
    const ok = Number.isInteger(value) && value >= 0 && value <= MAX_DAYS;
    setInvalid(!ok);
    if (ok) save.mutate({ institutionId: institution.id, retentionDays: value });
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-wrap items-start gap-3">
      <TextField
        label={t("retentionDays")}
        hint={t("retentionHint", { max: MAX_DAYS })}
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_DAYS}
        value={days}
        onChange={(e) => {
          setDays(e.target.value);
          save.reset();
        }}
        error={invalid ? t("retentionInvalid", { max: MAX_DAYS }) : save.isError ? errorMessage(save.error) : null}
        className="w-80"
      />
      <Button type="submit" pending={save.isPending} className="mt-6">
        {t("saveRetention")}
      </Button>
      {save.isSuccess ? (
        <p role="status" className="mt-8 text-sm text-emerald-800">
          {t("retentionSaved")}
        </p>
      ) : null}
    </form>
  );
}
