"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useErrorMessage } from "@/hooks/use-error-message";
import { downloadJson } from "@/lib/download-json";
import type { InstitutionDetail } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";

/** Downloads everything the control plane holds about the institution as one JSON file. */
export function ExportRecordsButton({ institution }: { institution: InstitutionDetail }) {
  const t = useTranslations("institution.actions");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const exportRecords = useMutation(
    trpc.institutions.exportRecords.mutationOptions({
      onSuccess: async (records) => {
        downloadJson(records, `${institution.slug}-records-${records.exportedAt.toISOString().slice(0, 10)}.json`);
        await queryClient.invalidateQueries({ queryKey: trpc.institutions.get.queryKey({ institutionId: institution.id }) });
      },
    }),
  );
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button pending={exportRecords.isPending} onClick={() => exportRecords.mutate({ institutionId: institution.id })}>
        {t("export")}
      </Button>
      {exportRecords.isError ? (
        <span role="alert" className="text-sm text-red-700">
          {errorMessage(exportRecords.error)}
        </span>
      ) : exportRecords.isSuccess ? (
        <span role="status" className="text-sm text-emerald-800">
          {t("exported")}
        </span>
      ) : null}
    </div>
  );
}
