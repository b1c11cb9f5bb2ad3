"use client";
import { formatCnpj } from "@opus/rules/cnpj";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { Signup } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { useGovernanceRefresh } from "../governance/use-governance-refresh";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ReasonDialog } from "../ui/reason-dialog";
import { table } from "../ui/styles";

export function SignupRow({ signup }: { signup: Signup }) {
  const t = useTranslations("signups");
  const format = useFormatter();
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const refresh = useGovernanceRefresh();
  const [open, setOpen] = useState<"approve" | "reject" | null>(null);
  const decide = useMutation(
    trpc.signups.decide.mutationOptions({
      onSuccess: async () => {
        setOpen(null);
        await refresh();
      },
    }),
  );
  const failure = decide.isError ? errorMessage(decide.error, { CONFLICT: t("conflict") }) : null;
  return (
    <tr className={table.row}>
      <td className={table.td}>
        <p className="font-medium text-slate-900">{signup.name}</p>
        <p className="text-xs text-slate-600">{signup.email}</p>
      </td>
      <td className={table.td}>
        {signup.institutionId ? (
          <Link href={`/institutions/${signup.institutionId}`} className="font-medium text-brand-700 hover:underline">
            {signup.legalName}
          </Link>
        ) : (
          signup.legalName
        )}
      </td>
      <td className={`${table.td} font-mono text-xs whitespace-nowrap`}>{formatCnpj(signup.cnpj)}</td>
      <td className={`${table.td} whitespace-nowrap`}>{format.dateTime(signup.createdAt, "dateTime")}</td>
      {signup.status === "PENDING" ? (
        <td className={`${table.td} text-right`}>
          <div className="flex justify-end gap-2">
            <Button variant="primary" onClick={() => setOpen("approve")} aria-label={t("approveNamed", { email: signup.email })}>
              {t("approve")}
            </Button>
            <Button variant="dangerGhost" onClick={() => setOpen("reject")} aria-label={t("rejectNamed", { email: signup.email })}>
              {t("reject")}
            </Button>
          </div>
          <ConfirmDialog
            open={open === "approve"}
            title={t("approveTitle", { name: signup.legalName })}
            confirmLabel={t("approve")}
            variant="primary"
            pending={decide.isPending}
            onCancel={() => setOpen(null)}
            onConfirm={() => decide.mutate({ signupId: signup.id, decision: "approve" })}
          >
            {t("approveBody", { name: signup.name, email: signup.email })}
            {failure ? <span className="mt-2 block text-red-700">{failure}</span> : null}
          </ConfirmDialog>
          <ReasonDialog
            open={open === "reject"}
            title={t("rejectTitle", { name: signup.legalName })}
            label={t("reason")}
            hint={t("reasonHint")}
            required
            confirmLabel={t("reject")}
            variant="danger"
            pending={decide.isPending}
            error={failure}
            onCancel={() => setOpen(null)}
            onConfirm={(reason) => decide.mutate({ signupId: signup.id, decision: "reject", reason })}
          />
        </td>
      ) : (
        <td className={table.td}>
          <Badge tone={signup.status === "APPROVED" ? "success" : "danger"}>{t(`status.${signup.status}`)}</Badge>
          {signup.reason ? <span className="mt-0.5 block text-xs text-slate-600">{signup.reason}</span> : null}
          {signup.decidedAt ? <span className="block text-xs text-slate-500">{format.dateTime(signup.decidedAt, "dateTime")}</span> : null}
        </td>
      )}
    </tr>
  );
}
