"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { downloadFile } from "@/lib/download-file";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";

const FORMATS = ["csv", "json", "pdf"] as const;

/** CSV, JSON and PDF of one institution's report for a month. */
export function ReportDownloads({ institutionId, month, label }: { institutionId: string; month: string; label?: string }) {
  const t = useTranslations("usage.download");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState<string | null>(null);
  async function download(format: (typeof FORMATS)[number]) {
    setPending(format);
    try {
      downloadFile(
        await queryClient.fetchQuery(trpc.billing.exportReport.queryOptions({ institutionId, month, format }, { staleTime: 0 })),
      );
    } finally {
      setPending(null);
    }
  }
  return (
    <div className="flex gap-1">
      {FORMATS.map((format) => (
        <Button
          key={format}
          variant="ghost"
          pending={pending === format}
          onClick={() => void download(format)}
          aria-label={label ? `${label} ${t(format)}` : undefined}
        >
          {t(format)}
        </Button>
      ))}
    </div>
  );
}
