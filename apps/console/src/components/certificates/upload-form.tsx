"use client";
import { CERTIFICATE_KINDS } from "@opus/rules/enums";
import { TEXT_LIMITS } from "@opus/rules/text-limits";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type ChangeEvent, type FormEvent, useState } from "react";
import type { CertificateKind } from "@/lib/router-types";
import { useTRPC } from "@/lib/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { Card } from "../ui/card";
import { Fieldset } from "../ui/fieldset";
import { RadioCard } from "../ui/radio-card";
import { labelClass } from "../ui/styles";
import { TextAreaField } from "../ui/text-area-field";
import { useCertificateError } from "./use-certificate-error";

const MAX_PEM = TEXT_LIMITS.certificatePem;

/** Paste a public certificate, or pick its file (read as text in the browser). */
export function UploadForm({ institutionId }: { institutionId: string }) {
  const t = useTranslations("certificates");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const certificateError = useCertificateError();
  const [kind, setKind] = useState<CertificateKind>("BRCAC");
  const [pem, setPem] = useState("");
  const [missing, setMissing] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const upload = useMutation(
    trpc.certificates.upload.mutationOptions({
      onSuccess: async () => {
        setPem("");
        await queryClient.invalidateQueries({ queryKey: trpc.certificates.find.queryKey({ institutionId }) });
      },
    }),
  );

  async function pick(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    upload.reset();
    setFileError(file.size > MAX_PEM ? t("fileTooLarge") : null);
    if (file.size <= MAX_PEM) setPem(await file.text());
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!pem.trim());
    if (pem.trim()) upload.mutate({ institutionId, kind, pem });
  }

  return (
    <Card title={t("upload.title")}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <Fieldset legend={t("upload.kind")}>
          <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
            {CERTIFICATE_KINDS.map((k) => (
              <RadioCard
                key={k}
                name="certificate-kind"
                value={k}
                checked={kind === k}
                onChange={() => setKind(k)}
                title={`${k} · ${t(`kinds.${k}.short`)}`}
              >
                {t(`kinds.${k}.help`)}
              </RadioCard>
            ))}
          </div>
        </Fieldset>
        <TextAreaField
          label={t("upload.pem")}
          hint={t("upload.pemHint")}
          value={pem}
          onChange={(e) => {
            setPem(e.target.value);
            setMissing(false);
          }}
          rows={8}
          maxLength={MAX_PEM}
          spellCheck={false}
          placeholder={"-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----"}
          error={missing ? t("upload.pemRequired") : upload.isError ? certificateError(upload.error) : fileError}
          className="[&_textarea]:font-mono [&_textarea]:text-xs"
        />
        <div className="flex flex-wrap items-center justify-between gap-3">
          <label className={`${labelClass} flex min-w-0 max-w-full items-center gap-2 font-normal`}>
            {t("upload.file")}
            <input
              type="file"
              accept=".pem,.crt,.cer,.txt,application/x-pem-file,application/x-x509-ca-cert"
              onChange={(e) => void pick(e)}
              className="min-w-0 max-w-full text-sm text-slate-600 file:mr-2 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-2.5 file:py-1.5 file:text-sm file:font-medium file:text-slate-800 hover:file:bg-slate-50"
            />
          </label>
          <Button type="submit" variant="primary" pending={upload.isPending}>
            {t("upload.submit")}
          </Button>
        </div>
        {upload.isSuccess ? <Alert tone="success">{t("upload.done", { kind: upload.data.kind })}</Alert> : null}
      </form>
    </Card>
  );
}
