"use client";
// The weekly availability report (Monday to Sunday, São Paulo days) as CSV or PDF: one institution's,
// or, without an institution, the whole fleet's (Opus staff).
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { downloadFile } from "@/lib/download-file";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { TextField } from "../ui/text-field";
import { lastFullWeek } from "./last-full-week";

const FORMATS = ["csv", "pdf"] as const;

export function WeeklyReportCard({ institutionId, today }: { institutionId?: string; today: string }) {
  const t = useTranslations("health.weekly");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errorMessage = useErrorMessage();
  const [week, setWeek] = useState(() => lastFullWeek(today));
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function download(format: (typeof FORMATS)[number]) {
    setPending(format);
    setError(null);
    try {
      const once = { staleTime: 0, retry: false } as const;
      downloadFile(
        await queryClient.fetchQuery(
          institutionId
            ? trpc.health.weeklyReport.queryOptions({ institutionId, week, format }, once)
            : trpc.health.fleetWeeklyReport.queryOptions({ week, format }, once),
        ),
      );
    } catch (e) {
      setError(e);
    } finally {
      setPending(null);
    }
  }
  return (
    <Card title={t(institutionId ? "title" : "fleetTitle")}>
      <div className="flex flex-wrap items-end gap-3">
        <TextField
          label={t("week")}
          hint={t(institutionId ? "weekHint" : "fleetWeekHint")}
          type="date"
          value={week}
          onChange={(e) => setWeek(e.target.value)}
        />
        {FORMATS.map((format) => (
          <Button key={format} pending={pending === format} onClick={() => void download(format)}>
            {t(format)}
          </Button>
        ))}
      </div>
      {error ? (
        <Alert tone="error" className="mt-3">
          {errorMessage(error)}
        </Alert>
      ) : null}
    </Card>
  );
}
