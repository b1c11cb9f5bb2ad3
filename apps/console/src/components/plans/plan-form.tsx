"use client";
import { PLAN_SIZES } from "@opus/rules/enums";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { PLAN_CODE_PATTERN } from "@opus/rules/text-patterns";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { appErrorFieldMap } from "@/lib/app-error";
import type { Plan, PlanSize } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { SelectField } from "../ui/select-field";
import { TextField } from "../ui/text-field";

const validCode = (code: string) =>
  code.length >= TEXT_LIMITS.planCodeMin && code.length <= TEXT_LIMITS.planCodeMax && PLAN_CODE_PATTERN.test(code);

/** Creates a plan, or edits the one chosen in the table. */
export function PlanForm({ plan, onDone }: { plan: Plan | null; onDone: () => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [code, setCode] = useState(plan?.code ?? "");
  const [name, setName] = useState(plan?.name ?? "");
  const [size, setSize] = useState<PlanSize>(plan?.size ?? "SMALL");
  const [checked, setChecked] = useState(false);
  const save = useMutation(
    trpc.plans.save.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.plans.pathFilter());
        if (!plan) {
          setCode("");
          setName("");
          setSize("SMALL");
          setChecked(false);
        }
        onDone();
      },
    }),
  );
  const server = save.isError ? appErrorFieldMap(save.error) : {};
  const codeError = checked && !validCode(code.trim()) ? t("plans.errors.code") : server.code ? t("plans.errors.codeTaken") : null;
  const nameError = checked && !name.trim() ? t("common.required") : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setChecked(true);
    if (!validCode(code.trim()) || !name.trim()) return;
    save.mutate({ id: plan?.id, code: code.trim(), name: name.trim(), size, active: plan?.active ?? true });
  }

  return (
    <Card title={plan ? t("plans.editTitle", { name: plan.name }) : t("plans.createTitle")}>
      <form onSubmit={submit} noValidate className="grid grid-cols-1 items-start gap-3 md:grid-cols-[1fr_1.5fr_1fr_auto]">
        <TextField
          label={t("plans.code")}
          hint={t("plans.codeHint")}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={codeError}
          maxLength={TEXT_LIMITS.planCodeMax}
          spellCheck={false}
          autoComplete="off"
          className="[&_input]:font-mono"
        />
        <TextField
          label={t("plans.name")}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          maxLength={TEXT_LIMITS.name}
        />
        <SelectField
          label={t("plans.size")}
          value={size}
          onChange={(e) => setSize(PLAN_SIZES.find((s) => s === e.target.value) ?? "SMALL")}
          options={PLAN_SIZES.map((s) => ({ value: s, label: t(`enums.planSizeName.${s}`) }))}
        />
        <div className="flex gap-2 md:mt-6">
          <Button type="submit" variant="primary" pending={save.isPending}>
            {plan ? t("plans.save") : t("plans.create")}
          </Button>
          {plan ? <Button onClick={onDone}>{t("common.cancel")}</Button> : null}
        </div>
      </form>
      {save.isError && !server.code ? (
        <Alert tone="error" className="mt-3">
          {errorMessage(save.error)}
        </Alert>
      ) : null}
    </Card>
  );
}
