"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import type { Certificate } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { table } from "../ui/styles";
import { ExpiryBadge } from "./expiry-badge";

type Props = { institutionId: string; certificate: Certificate; manage: boolean };

export function CertificateRow({ institutionId, certificate, manage }: Props) {
  const t = useTranslations("certificates");
  const format = useFormatter();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation(
    trpc.certificates.remove.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.certificates.find.queryKey({ institutionId }) }),
      onSettled: () => setConfirming(false),
    }),
  );
  const name = t("named", { kind: certificate.kind, serial: certificate.serialNumber });
  return (
    <>
      <tr className={table.row}>
        <td className={`${table.td} font-medium`}>
          {certificate.kind}
          <span className="block text-xs font-normal text-slate-500">{t(`kinds.${certificate.kind}.short`)}</span>
        </td>
        <td className={`${table.td} max-w-md text-xs break-words`}>{certificate.subject}</td>
        <td className={`${table.td} max-w-xs text-xs break-words`}>{certificate.issuer}</td>
        <td className={`${table.td} font-mono text-xs`}>{certificate.serialNumber}</td>
        <td className={`${table.td} text-xs whitespace-nowrap`}>
          <time dateTime={certificate.notBefore.toISOString()}>{format.dateTime(certificate.notBefore, "date")}</time>
          {" – "}
          <time dateTime={certificate.notAfter.toISOString()}>{format.dateTime(certificate.notAfter, "date")}</time>
        </td>
        <td className={table.td}>
          <ExpiryBadge warning={certificate.warning} />
        </td>
        {manage ? (
          <td className={`${table.td} text-right`}>
            <Button variant="dangerGhost" aria-label={t("removeNamed", { name })} onClick={() => setConfirming(true)}>
              {t("remove")}
            </Button>
            <ConfirmDialog
              open={confirming}
              title={t("removeTitle", { name })}
              confirmLabel={t("remove")}
              pending={remove.isPending}
              onCancel={() => setConfirming(false)}
              onConfirm={() => remove.mutate({ institutionId, certificateId: certificate.id })}
            >
              {t("removeBody")}
            </ConfirmDialog>
          </td>
        ) : null}
      </tr>
      {remove.isError ? (
        <tr>
          <td colSpan={7} className="bg-red-50 px-3 py-2 text-sm text-red-800" role="alert">
            {errorMessage(remove.error)}
          </td>
        </tr>
      ) : null}
    </>
  );
}
