"use client";
import { parseBrl } from "@opus/rules/brl";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { useTRPC } from "@/lib/trpc";
import { useCurrentMe } from "../shell/me-context";
import { Alert } from "../ui/alert";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { DataTable } from "../ui/data-table";
import { SelectField } from "../ui/select-field";
import { table } from "../ui/styles";
import { TextField } from "../ui/text-field";
import { useBrl } from "../usage/use-brl";

/** Manual credit/debit lines on draft reports: one Opus person requests, another decides. */
export function AdjustmentsPanel({ month, institutions }: { month: string; institutions: { id: string; legalName: string }[] }) {
  const t = useTranslations("billing.adjustments");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const brl = useBrl();
  const me = useCurrentMe();
  const locale = useLocale() === "pt-BR" ? "pt-BR" : "en";
  const [institutionId, setInstitutionId] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const adjustments = useQuery(trpc.billing.adjustments.queryOptions({ month }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.billing.pathKey() });
  const request = useMutation(
    trpc.billing.requestAdjustment.mutationOptions({
      onSuccess: async () => {
        setAmount("");
        setReason("");
        await refresh();
      },
    }),
  );
  const decide = useMutation(trpc.billing.decideAdjustment.mutationOptions({ onSuccess: refresh }));
  const chosen = institutionId || institutions[0]?.id || "";
  // Typed in reais the person's way ("-15,00"); sent as exact integer centavos.
  const centavos = amount.trim() ? parseBrl(amount, locale) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (chosen && centavos !== null && reason.trim())
      request.mutate({ institutionId: chosen, month, amountCentavos: centavos, reason: reason.trim() });
  }

  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-600">{t("description")}</p>
      {institutions.length > 0 ? (
        <form onSubmit={submit} noValidate className="grid grid-cols-1 items-end gap-3 md:grid-cols-[16rem_12rem_1fr_auto]">
          <SelectField
            label={t("institution")}
            value={chosen}
            onChange={(e) => setInstitutionId(e.target.value)}
            options={institutions.map((i) => ({ value: i.id, label: i.legalName }))}
          />
          <TextField
            label={t("amount")}
            value={amount}
            inputMode="decimal"
            onChange={(e) => setAmount(e.target.value)}
            hint={centavos !== null ? brl(centavos) : undefined}
            error={amount.trim() && centavos === null ? t("amountInvalid") : null}
          />
          <TextField label={t("reason")} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          <Button type="submit" variant="primary" pending={request.isPending} disabled={centavos === null || !reason.trim()}>
            {t("request")}
          </Button>
        </form>
      ) : null}
      {request.isError ? <Alert tone="error">{errorMessage(request.error)}</Alert> : null}
      {decide.isError ? <Alert tone="error">{errorMessage(decide.error)}</Alert> : null}
      <div className="mt-4">
        <DataTable
          caption={t("title")}
          minWidth="lg"
          columns={[
            { key: "institution", label: t("institution") },
            { key: "reason", label: t("reason") },
            { key: "amount", label: t("amountColumn"), align: "right" },
            { key: "status", label: t("statusColumn") },
            { key: "decision", label: t("decisionColumn"), srOnly: true },
          ]}
          rows={adjustments.data}
          empty={<p className="text-sm text-slate-500">{t("none")}</p>}
          renderRow={(a) => (
            <tr key={a.id} className={table.row} data-adjustment={a.reason}>
              <td className={table.td}>{a.institution.legalName}</td>
              <td className={table.td}>{a.reason}</td>
              <td className={`${table.td} text-right tabular-nums`}>{brl(Number(a.amountCentavos))}</td>
              <td className={table.td}>
                <Badge tone={a.status === "APPROVED" ? "success" : a.status === "REJECTED" ? "muted" : "warning"}>
                  {t(`status.${a.status}`)}
                </Badge>
              </td>
              <td className={`${table.td} text-right`}>
                {a.status !== "PENDING" ? null : a.requestedById === me.id ? (
                  <span className="text-xs text-slate-500">{t("yours")}</span>
                ) : (
                  <span className="flex justify-end gap-1">
                    <Button
                      variant="primary"
                      pending={decide.isPending}
                      onClick={() => decide.mutate({ adjustmentId: a.id, decision: "approve" })}
                    >
                      {t("approve")}
                    </Button>
                    <Button variant="ghost" onClick={() => decide.mutate({ adjustmentId: a.id, decision: "reject" })}>
                      {t("reject")}
                    </Button>
                  </span>
                )}
              </td>
            </tr>
          )}
        />
      </div>
    </Card>
  );
}
