"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { Plan } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { table } from "../ui/styles";

/** A plan, with Edit and Retire (customers stop seeing it) or Offer again. */
export function PlanRow({ plan, onEdit }: { plan: Plan; onEdit: () => void }) {
  const t = useTranslations();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const toggle = useMutation(
    trpc.plans.save.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.plans.pathFilter()),
      onSettled: () => setConfirming(false),
    }),
  );
  const setActive = (active: boolean) => toggle.mutate({ id: plan.id, code: plan.code, name: plan.name, size: plan.size, active });
  return (
    <>
      <tr className={table.row}>
        <td className={`${table.td} font-medium`}>{plan.name}</td>
        <td className={`${table.td} font-mono text-xs`}>{plan.code}</td>
        <td className={table.td}>{t(`enums.planSizeName.${plan.size}`)}</td>
        <td className={table.td}>
          <Badge tone={plan.active ? "success" : "muted"}>{plan.active ? t("plans.active") : t("plans.retired")}</Badge>
        </td>
        <td className={`${table.td} text-right whitespace-nowrap`}>
          <Button variant="ghost" onClick={onEdit} aria-label={t("plans.editNamed", { name: plan.name })}>
            {t("plans.edit")}
          </Button>
          {plan.active ? (
            <Button variant="dangerGhost" onClick={() => setConfirming(true)} aria-label={t("plans.retireNamed", { name: plan.name })}>
              {t("plans.retire")}
            </Button>
          ) : (
            <Button
              variant="ghost"
              pending={toggle.isPending}
              onClick={() => setActive(true)}
              aria-label={t("plans.reofferNamed", { name: plan.name })}
            >
              {t("plans.reoffer")}
            </Button>
          )}
          <ConfirmDialog
            open={confirming}
            title={t("plans.retireTitle", { name: plan.name })}
            confirmLabel={t("plans.retire")}
            pending={toggle.isPending}
            onCancel={() => setConfirming(false)}
            onConfirm={() => setActive(false)}
          >
            {t("plans.retireBody")}
          </ConfirmDialog>
        </td>
      </tr>
      {toggle.isError ? (
        <tr>
          <td colSpan={5} className="bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            {errorMessage(toggle.error)}
          </td>
        </tr>
      ) : null}
    </>
  );
}
