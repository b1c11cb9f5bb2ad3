"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { TIME_ZONE } from "@/i18n/formats";
import { downloadFile } from "@/lib/download-file";
import { useTRPC } from "@/lib/trpc";
import { Button } from "../ui/button";
import { QueryError } from "../ui/query-error";
import { TextField } from "../ui/text-field";

/** Today in Brasília time, as YYYY-MM-DD (the export's days are São Paulo days). */
function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());
}

/** A period of the trail as JSON lines with hashes and signed checkpoints, for an outside verifier. */
export function AuditExport() {
  const t = useTranslations("audit.export");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function download(event: FormEvent) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      downloadFile(await queryClient.fetchQuery(trpc.audit.export.queryOptions({ from, to }, { staleTime: 0, retry: false })));
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(e) => void download(e)} className="mt-4 space-y-2 border-t border-slate-100 pt-4">
      <p className="text-sm text-slate-600">{t("description", { zone: TIME_ZONE })}</p>
      <div className="flex flex-wrap items-end gap-3">
        <TextField label={t("from")} type="date" value={from} max={to} required onChange={(e) => setFrom(e.target.value)} />
        <TextField label={t("to")} type="date" value={to} min={from} required onChange={(e) => setTo(e.target.value)} />
        <Button type="submit" pending={pending}>
          {t("download")}
        </Button>
      </div>
      {error ? <QueryError error={error} /> : null}
    </form>
  );
}
