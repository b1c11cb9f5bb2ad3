"use client";
// Evidence as a file: upload (PDF, PNG, JPEG, text or CSV, up to 180 KiB; the API reads the type
// from the bytes) and download through the institution's scope.
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

async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

export function EvidenceUpload({ institutionId, stage, onAdded }: { institutionId: string; stage: GoLiveStage; onAdded: () => void }) {
  const t = useTranslations("goLive.file");
  const trpc = useTRPC();
  const errorMessage = useErrorMessage();
  const [label, setLabel] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState(0);
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
        if (!label.trim() || !file) return;
        void base64Of(file).then((base64) => upload.mutate({ institutionId, stage, label: label.trim(), fileName: file.name, base64 }));
      }}
    >
      <TextField label={t("label")} value={label} onChange={(e) => setLabel(e.target.value)} />
      <FieldShell label={t("file")} hint={t("hint")}>
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
      <Button type="submit" pending={upload.isPending} disabled={!file}>
        {t("upload")}
      </Button>
      {upload.isError ? (
        <Alert tone="error" className="sm:col-span-3">
          {upload.error.message.startsWith("base64:") ? t("refused") : errorMessage(upload.error)}
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
      {t("download", { label, name: file?.name ?? "", kib: Math.ceil((file?.sizeBytes ?? 0) / 1024) })}
    </button>
  );
}
