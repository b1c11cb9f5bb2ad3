"use client";
// Evidence as a file: upload (PDF, PNG, JPEG, text or CSV, up to EVIDENCE_MAX_BYTES; the API reads the type
// from the bytes) and download through the institution's scope.
import { EVIDENCE_MAX_BYTES, evidenceSizeText } from "@opus/rules/go-live-evidence";
import type { GoLiveStage } from "@opus/rules/go-live-readiness";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorMessage } from "@/hooks/use-error-message";
import { downloadFile } from "@/lib/download-file";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { FieldShell } from "../ui/field-shell";
import { inputClass } from "../ui/styles";
import { TextField } from "../ui/text-field";

const ACCEPT = ".pdf,.png,.jpg,.jpeg,.txt,.csv,application/pdf,image/png,image/jpeg,text/plain,text/csv";

/** The file as base64, encoded by the browser (a data: URL without its prefix): megabytes in milliseconds. */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(",") + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

export function EvidenceUpload({ institutionId, stage, onAdded }: { institutionId: string; stage: GoLiveStage; onAdded: () => void }) {
  const t = useTranslations("goLive.file");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [label, setLabel] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState(0);
  // Refused here, before the browser reads it: the API would refuse it after the whole upload.
  const tooLarge = file !== null && file.size > EVIDENCE_MAX_BYTES;
  const limits = { max: evidenceSizeText(EVIDENCE_MAX_BYTES) };
  const upload = useMutation(
    trpc.goLive.addEvidenceFile.mutationOptions({
      onSuccess: () => {
        setLabel("");
        setFile(null);
        setKey((k) => k + 1);
        onAdded();
      },
    }),
  );
  return (
    <form
      className="grid gap-2 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
      onSubmit={(e) => {
        e.preventDefault();
        if (!label.trim() || !file || tooLarge) return;
        void base64Of(file).then((base64) => upload.mutate({ institutionId, stage, label: label.trim(), fileName: file.name, base64 }));
      }}
    >
      <TextField label={t("label")} value={label} onChange={(e) => setLabel(e.target.value)} />
      <FieldShell label={t("file")} hint={t("hint", limits)}>
        {(control) => (
          <input
            key={key}
            type="file"
            accept={ACCEPT}
            className={inputClass}
            {...control}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        )}
      </FieldShell>
      <Button type="submit" pending={upload.isPending} disabled={!file || tooLarge}>
        {t("upload")}
      </Button>
      {tooLarge ? (
        <Alert tone="error" className="sm:col-span-3">
          {t("tooLarge", { ...limits, size: evidenceSizeText(file.size) })}
        </Alert>
      ) : upload.isError ? (
        <Alert tone="error" className="sm:col-span-3">
          {upload.error.message.startsWith("base64:") ? t("refused", limits) : errorMessage(upload.error)}
        </Alert>
      ) : null}
    </form>
  );
}

export function EvidenceFileLink({
  institutionId,
  evidenceId,
  label,
  file,
}: {
  institutionId: string;
  evidenceId: string;
  label: string;
  file: { name: string; sizeBytes: number | null } | null;
}) {
  const t = useTranslations("goLive.file");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="text-brand-700 hover:underline disabled:text-slate-400"
      disabled={pending}
      onClick={() => {
        setPending(true);
        void queryClient
          .fetchQuery(trpc.goLive.evidenceFile.queryOptions({ institutionId, evidenceId }, { staleTime: 0, retry: false }))
          .then(downloadFile)
          .finally(() => setPending(false));
      }}
    >
      {t("download", { label, name: file?.name ?? "", size: evidenceSizeText(file?.sizeBytes ?? 0) })}
    </button>
  );
}
